package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.State;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.function.Supplier;

/**
 * The shared part of the V2 states: every access becomes a request to the operator's {@link
 * AsyncExecutionController}, against the backend's synchronous state of the same name, in the
 * namespace current when it is issued. Task thread only.
 */
abstract class AbstractAsyncState implements State {
  private final String name;
  private final AsyncExecutionController<?> controller;
  private final InternalKvState<?> state;
  private final Supplier<?> namespace;

  AbstractAsyncState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state,
      Supplier<?> namespace) {
    this.name = name;
    this.controller = controller;
    this.state = state;
    this.namespace = namespace;
  }

  final <T> StateFuture<T> request(StateRequestType type, Object payload, Object value) {
    return controller.handleRequest(name, type, state, namespace.get(), payload, value);
  }

  final <T> StateFuture<T> request(StateRequestType type, Object payload) {
    return request(type, payload, null);
  }

  final <T> T requireNonNull(T argument, String what) {
    if (argument == null) {
      throw new NullPointerException("state '" + name + "': " + what + " must not be null");
    }
    return argument;
  }

  @Override
  public StateFuture<Void> asyncClear() {
    return request(StateRequestType.CLEAR, null);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + "]";
  }
}
