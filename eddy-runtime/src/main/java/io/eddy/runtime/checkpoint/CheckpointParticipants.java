package io.eddy.runtime.checkpoint;

/** What the coordinator needs from the running job attempt. */
public interface CheckpointParticipants {
  /** False once any task finished or failed: a checkpoint could no longer complete. */
  boolean canCheckpoint();

  /**
   * Asks every source task to take checkpoint {@code id} and send its barrier downstream; with
   * {@code thenSuspend} the sources emit nothing more afterwards (stop-with-savepoint).
   */
  void triggerSources(long checkpointId, boolean thenSuspend);

  /** Tells every task that checkpoint {@code id} is complete (sinks commit). */
  void notifyComplete(long checkpointId);

  void log(String message);

  /** Counts a completed checkpoint in the job's metrics. */
  void completed(CompletedCheckpointStats stats);
}
