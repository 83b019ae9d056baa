package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.ValueState;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.function.Supplier;

/** {@link ValueState} through the async execution controller. */
final class AsyncValueState<T> extends AbstractAsyncState implements ValueState<T> {
  AsyncValueState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state, Supplier<?> namespace) {
    super(name, controller, state, namespace);
  }

  @Override
  public StateFuture<T> asyncValue() {
    return request(StateRequestType.VALUE_GET, null);
  }

  @Override
  public StateFuture<Void> asyncUpdate(T value) {
    return request(StateRequestType.VALUE_UPDATE, value);
  }
}
