package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.AggregatingState;
import io.eddy.api.state.v2.AggregatingStateDescriptor;
import io.eddy.api.state.v2.ListState;
import io.eddy.api.state.v2.ListStateDescriptor;
import io.eddy.api.state.v2.MapState;
import io.eddy.api.state.v2.MapStateDescriptor;
import io.eddy.api.state.v2.ReducingState;
import io.eddy.api.state.v2.ReducingStateDescriptor;
import io.eddy.api.state.v2.StateDescriptor;
import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.ttl.TtlStates;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Hands out V2 (asynchronous) keyed state for one operator: each state is the backend's
 * synchronous state of the same descriptor (TTL included), reached through the operator's {@link
 * AsyncExecutionController}, in the namespace the supplier gives when an access is issued ({@code
 * VoidNamespace} for plain keyed state, the window for per-window state).
 */
public final class AsyncKeyedStateStore<N> {
  private final KeyedStateBackend<?> backend;
  private final TypeSerializer<N> namespaceSerializer;
  private final Supplier<N> namespace;
  private final LongSupplier clock;
  private final AsyncExecutionController<?> controller;
  private final StateApiUsage usage;

  public AsyncKeyedStateStore(KeyedStateBackend<?> backend, TypeSerializer<N> namespaceSerializer,
      Supplier<N> namespace, LongSupplier clock, AsyncExecutionController<?> controller, StateApiUsage usage) {
    this.backend = backend;
    this.namespaceSerializer = namespaceSerializer;
    this.namespace = namespace;
    this.clock = clock;
    this.controller = controller;
    this.usage = usage;
  }

  private InternalKvState<N> state(StateDescriptor<?> descriptor) {
    usage.useAsync(descriptor.getStateId());
    return TtlStates.create(backend, namespaceSerializer, descriptor.synchronousDescriptor(), clock);
  }

  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return new AsyncValueState<>(descriptor.getStateId(), controller, state(descriptor), namespace);
  }

  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return new AsyncListState<>(descriptor.getStateId(), controller, state(descriptor), namespace);
  }

  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return new AsyncMapState<>(descriptor.getStateId(), controller, state(descriptor), namespace);
  }

  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return new AsyncReducingState<>(descriptor.getStateId(), controller, state(descriptor), namespace);
  }

  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return new AsyncAggregatingState<>(descriptor.getStateId(), controller, state(descriptor), namespace);
  }
}
