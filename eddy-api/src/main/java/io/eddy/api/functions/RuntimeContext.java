package io.eddy.api.functions;

import io.eddy.api.metrics.OperatorMetricGroup;
import java.util.Map;
import io.eddy.api.state.KeyedStateStore;

/**
 * What a rich function sees of the runtime: its {@link TaskInfo}, its metric group and, on a keyed stream, keyed
 * state scoped to the key of the record being processed. Calling a state getter on a non-keyed
 * stream throws {@link UnsupportedOperationException}.
 */
public interface RuntimeContext extends KeyedStateStore {
  TaskInfo getTaskInfo();

  /** The metric group of this operator subtask (see {@link io.eddy.api.metrics.MetricGroup}). */
  OperatorMetricGroup getMetricGroup();

  /** The job's global parameters, as set with {@code env.getConfig().setGlobalJobParameters(...)}; empty when none. */
  Map<String, String> getGlobalJobParameters();

  default int getIndexOfThisSubtask() {
    return getTaskInfo().indexOfThisSubtask();
  }

  default int getNumberOfParallelSubtasks() {
    return getTaskInfo().numberOfParallelSubtasks();
  }

  // Asynchronous (V2) keyed state, on a keyed stream with enableAsyncState(); elsewhere refused.

  default <T> io.eddy.api.state.v2.ValueState<T> getState(io.eddy.api.state.v2.ValueStateDescriptor<T> descriptor) {
    throw asyncStateNotEnabled(descriptor);
  }

  default <T> io.eddy.api.state.v2.ListState<T> getListState(io.eddy.api.state.v2.ListStateDescriptor<T> descriptor) {
    throw asyncStateNotEnabled(descriptor);
  }

  default <UK, UV> io.eddy.api.state.v2.MapState<UK, UV> getMapState(
      io.eddy.api.state.v2.MapStateDescriptor<UK, UV> descriptor) {
    throw asyncStateNotEnabled(descriptor);
  }

  default <T> io.eddy.api.state.v2.ReducingState<T> getReducingState(
      io.eddy.api.state.v2.ReducingStateDescriptor<T> descriptor) {
    throw asyncStateNotEnabled(descriptor);
  }

  default <IN, ACC, OUT> io.eddy.api.state.v2.AggregatingState<IN, OUT> getAggregatingState(
      io.eddy.api.state.v2.AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    throw asyncStateNotEnabled(descriptor);
  }

  private UnsupportedOperationException asyncStateNotEnabled(io.eddy.api.state.v2.StateDescriptor<?> descriptor) {
    return new UnsupportedOperationException("Asynchronous state '" + descriptor.getStateId() + "' is available only "
        + "on a keyed stream with enableAsyncState(): keyBy(...).enableAsyncState().process(...) ('"
        + getTaskInfo().taskName() + "')");
  }
}
