package io.eddy.runtime.state;

import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalKvState;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.ttl.TtlStates;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Hands out keyed state for user functions, fixed to one namespace: {@link
 * io.eddy.state.VoidNamespace} for plain keyed state, or the current window for per-window
 * state (the supplier is asked on each access, so one store serves every window).
 */
public final class DefaultKeyedStateStore<N> implements KeyedStateStore {
  private final KeyedStateBackend<Object> backend;
  private final TypeSerializer<N> namespaceSerializer;
  private final Supplier<N> namespace;
  private final LongSupplier clock;

  public DefaultKeyedStateStore(KeyedStateBackend<Object> backend, TypeSerializer<N> namespaceSerializer,
      Supplier<N> namespace, LongSupplier clock) {
    this.backend = backend;
    this.namespaceSerializer = namespaceSerializer;
    this.namespace = namespace;
    this.clock = clock;
  }

  @SuppressWarnings("unchecked")
  private <S> S state(StateDescriptor<?> descriptor) {
    InternalKvState<N> state = TtlStates.create(backend, namespaceSerializer, descriptor, clock);
    return (S) NamespacedState.wrap(state, namespace);
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return state(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return state(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return state(descriptor);
  }
}
