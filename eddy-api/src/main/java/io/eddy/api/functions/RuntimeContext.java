package io.eddy.api.functions;

import io.eddy.api.state.KeyedStateStore;

/**
 * What a rich function sees of the runtime: its {@link TaskInfo} and, on a keyed stream, keyed
 * state scoped to the key of the record being processed. Calling a state getter on a non-keyed
 * stream throws {@link UnsupportedOperationException}.
 */
public interface RuntimeContext extends KeyedStateStore {
  TaskInfo getTaskInfo();

  default int getIndexOfThisSubtask() {
    return getTaskInfo().indexOfThisSubtask();
  }

  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().numberOfParallelSubtasks();
  }
}
