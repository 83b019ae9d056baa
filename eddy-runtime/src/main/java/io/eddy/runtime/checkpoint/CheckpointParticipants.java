package io.eddy.runtime.checkpoint;

/** What the coordinator needs from the running job attempt. */
public interface CheckpointParticipants {
  /**
   * False once a task failed, or, without checkpoints after tasks finish, once any task
   * finished: a checkpoint could no longer complete.
   */
  boolean canCheckpoint();

  /**
   * True when every task still running has reached the end of its input and waits for a final
   * checkpoint: the coordinator then triggers one without waiting for the interval.
   */
  boolean awaitsFinalCheckpoint();

  /**
   * Starts checkpoint {@code id}: triggers the running tasks with no running upstream task (the
   * sources, then tasks whose inputs all ended), which send barriers downstream, and
   * acknowledges for the terminated tasks (empty state); with {@code thenSuspend} the sources
   * emit nothing more afterwards (stop-with-savepoint).
   */
  void triggerCheckpoint(long checkpointId, boolean thenSuspend);

  /** Tells every task that checkpoint {@code id} is complete (sinks commit). */
  void notifyComplete(long checkpointId);

  void log(String message);

  /** Counts a completed checkpoint in the job's metrics. */
  void completed(CompletedCheckpointStats stats);

  /** Counts a checkpoint (not a savepoint) that was aborted. */
  void aborted(long checkpointId);
}
