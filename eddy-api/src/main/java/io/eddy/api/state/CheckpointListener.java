package io.eddy.api.state;

/**
 * Implemented by functions (and sinks' committers) that act once a checkpoint is complete, e.g.
 * to publish output written before it. Called on the task thread; a notification may be
 * skipped when a later checkpoint completes first.
 */
public interface CheckpointListener {
  void notifyCheckpointComplete(long checkpointId) throws Exception;
}
