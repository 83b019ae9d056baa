package io.eddy.api.functions.async;

import io.eddy.api.functions.AbstractRichFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;

/**
 * An {@link AsyncFunction} with open/close (create clients there) and a runtime context. As in
 * Flink, the context gives no state: results complete on other threads, outside any key's
 * context, so state getters throw {@link UnsupportedOperationException}.
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(new StatelessContext(context));
  }

  /** The operator's context without state. */
  private record StatelessContext(RuntimeContext delegate) implements RuntimeContext {
    @Override
    public TaskInfo getTaskInfo() {
      return delegate.getTaskInfo();
    }

    @Override
    public io.eddy.api.metrics.OperatorMetricGroup getMetricGroup() {
      return delegate.getMetricGroup();
    }

    @Override
    public java.util.Map<String, String> getGlobalJobParameters() {
      return delegate.getGlobalJobParameters();
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
      throw noState();
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
      throw noState();
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
      throw noState();
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
      throw noState();
    }

    @Override
    public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
      throw noState();
    }

    private static UnsupportedOperationException noState() {
      return new UnsupportedOperationException("State is not supported in rich async functions.");
    }
  }
}
