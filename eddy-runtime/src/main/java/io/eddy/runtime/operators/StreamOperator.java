package io.eddy.runtime.operators;

import java.util.List;
import java.util.Map;

/**
 * An operator of a task's chain. Lifecycle: {@code open} before the first element, then
 * elements and watermarks, {@code finish} at the end of input (emit what is left), {@code close}
 * always (also after a failure). Everything runs on the task thread.
 */
public interface StreamOperator {
  /**
   * Operator list states whose names start with this are restored whole on every subtask (the
   * union of all subtasks' entries, Flink's union list state) instead of being dealt out: the
   * marker of {@link io.eddy.state.OperatorStateMode#UNION}.
   */
  String UNION_LIST_PREFIX = io.eddy.state.OperatorStateMode.UNION.encode("");

  void open() throws Exception;

  /** Emits buffered results; called once all input has been processed. */
  default void finish() throws Exception {}

  void close() throws Exception;

  /** The operator's name, as shown in errors and metrics. */
  String name();

  /**
   * Non-keyed state for checkpoint {@code checkpointId}, as named lists whose entries may be
   * redistributed over subtasks on restore (keyed state is taken from the backend by the task).
   */
  default Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    return Map.of();
  }

  /** Checkpoint {@code checkpointId} is complete: publish what it covers. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
