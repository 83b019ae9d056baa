package io.eddy.runtime.checkpoint;

import io.eddy.state.KeyedStateSnapshot;
import java.util.List;
import java.util.Map;

/**
 * What one operator subtask contributes to a checkpoint, taken synchronously on the task
 * thread: its keyed state (a frozen view, or null) and its operator list states by name.
 */
public record OperatorSnapshot(KeyedStateSnapshot keyed, Map<String, List<Object>> lists) {
  public boolean isEmpty() {
    return keyed == null && lists.values().stream().allMatch(List::isEmpty);
  }
}
