package io.eddy.api.state;

/**
 * Implemented by functions that keep non-keyed state: {@code initializeState} runs before
 * {@code open} (restoring, when there is something to restore), {@code snapshotState} at each
 * checkpoint, before the operator state is written.
 */
public interface CheckpointedFunction {
  void initializeState(FunctionInitializationContext context) throws Exception;

  void snapshotState(long checkpointId) throws Exception;

  /** What {@link #initializeState} receives. */
  interface FunctionInitializationContext {
    boolean isRestored();

    OperatorStateStore getOperatorStateStore();
  }
}
