package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.ReducingState;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.function.Supplier;

/** {@link ReducingState} through the async execution controller (an add is one read-modify-write request). */
final class AsyncReducingState<T> extends AbstractAsyncState implements ReducingState<T> {
  AsyncReducingState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state,
      Supplier<?> namespace) {
    super(name, controller, state, namespace);
  }

  @Override
  public StateFuture<T> asyncGet() {
    return request(StateRequestType.REDUCING_GET, null);
  }

  @Override
  public StateFuture<Void> asyncAdd(T value) {
    return request(StateRequestType.REDUCING_ADD, requireNonNull(value, "the value added"));
  }
}
