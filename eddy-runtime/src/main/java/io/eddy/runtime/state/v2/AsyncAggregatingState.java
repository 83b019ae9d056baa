package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.AggregatingState;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.function.Supplier;

/** {@link AggregatingState} through the async execution controller (an add is one read-modify-write request). */
final class AsyncAggregatingState<IN, OUT> extends AbstractAsyncState implements AggregatingState<IN, OUT> {
  AsyncAggregatingState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state,
      Supplier<?> namespace) {
    super(name, controller, state, namespace);
  }

  @Override
  public StateFuture<OUT> asyncGet() {
    return request(StateRequestType.AGGREGATING_GET, null);
  }

  @Override
  public StateFuture<Void> asyncAdd(IN value) {
    return request(StateRequestType.AGGREGATING_ADD, requireNonNull(value, "the value added"));
  }
}
