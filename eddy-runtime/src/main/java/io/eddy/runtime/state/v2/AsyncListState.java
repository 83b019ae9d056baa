package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.ListState;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateIterator;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@link ListState} through the async execution controller; lists are copied when the access is issued. */
final class AsyncListState<T> extends AbstractAsyncState implements ListState<T> {
  AsyncListState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state, Supplier<?> namespace) {
    super(name, controller, state, namespace);
  }

  @Override
  public StateFuture<StateIterator<T>> asyncGet() {
    return this.<List<T>>request(StateRequestType.LIST_GET, null).thenApply(ListStateIterator::new);
  }

  @Override
  public StateFuture<Void> asyncAdd(T value) {
    return request(StateRequestType.LIST_ADD, requireNonNull(value, "a list element"));
  }

  @Override
  public StateFuture<Void> asyncAddAll(List<T> values) {
    return request(StateRequestType.LIST_ADD_ALL, copy(values));
  }

  @Override
  public StateFuture<Void> asyncUpdate(List<T> values) {
    return request(StateRequestType.LIST_UPDATE, copy(values));
  }

  private List<T> copy(List<T> values) {
    List<T> copy = new ArrayList<>(requireNonNull(values, "the list"));
    copy.forEach(v -> requireNonNull(v, "a list element"));
    return copy;
  }
}
