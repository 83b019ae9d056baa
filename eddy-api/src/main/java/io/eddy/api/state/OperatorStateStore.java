package io.eddy.api.state;

/**
 * Non-keyed state of one operator subtask: lists whose entries are redistributed round-robin
 * among the subtasks when the job restores with another parallelism.
 */
public interface OperatorStateStore {
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) throws Exception;
}
