package io.eddy.state.heap;

import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalKvState;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupRangeAssignment;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.HeapTimerQueue;
import io.eddy.state.timers.TimerQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@code hashmap} backend: keyed state as Java objects in hash maps, grouped by key group.
 * Fastest while state fits in memory; nothing is serialized on the record path.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final Map<String, Registered> states = new HashMap<>();
  private final Map<String, TimerQueue<K, ?>> timerQueues = new HashMap<>();
  private K currentKey;
  private int currentKeyGroup;
  private int currentKeyHash;

  private record Registered(StateDescriptor.Kind kind, StateTable<?, ?, ?> table, InternalKvState<?> state) {}

  public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  @Override
  public int maxParallelism() {
    return maxParallelism;
  }

  @Override
  public void setCurrentKey(K key) {
    int keyHash = key.hashCode();
    int keyGroup = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(keyHash, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException("Key " + key + " is in key group " + keyGroup
          + ", which this subtask does not own " + keyGroupRange + ": is the key's hashCode stable?");
    }
    this.currentKey = key;
    this.currentKeyGroup = keyGroup;
    this.currentKeyHash = keyHash;
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public int getCurrentKeyGroup() {
    return currentKeyGroup;
  }

  /** The current key's hashCode, computed once per key switch. */
  int getCurrentKeyHash() {
    return currentKeyHash;
  }

  @Override
  public <N, V> InternalValueState<N, V> createValueState(
      TypeSerializer<N> ns, ValueStateDescriptor<V> d) {
    return register(d, () -> new HeapValueState<>(this, new StateTable<K, N, V>(keyGroupRange), defaultNamespace(ns)));
  }

  @Override
  public <N, V> InternalListState<N, V> createListState(TypeSerializer<N> ns, ListStateDescriptor<V> d) {
    return register(d, () -> new HeapListState<>(this, new StateTable<>(keyGroupRange), defaultNamespace(ns)));
  }

  @Override
  public <N, UK, UV> InternalMapState<N, UK, UV> createMapState(
      TypeSerializer<N> ns, MapStateDescriptor<UK, UV> d) {
    return register(d, () -> new HeapMapState<>(this, new StateTable<>(keyGroupRange), defaultNamespace(ns)));
  }

  @Override
  public <N, V> InternalReducingState<N, V> createReducingState(
      TypeSerializer<N> ns, ReducingStateDescriptor<V> d) {
    return register(d, () -> new HeapReducingState<>(this, new StateTable<K, N, V>(keyGroupRange),
        defaultNamespace(ns), d.getReduceFunction()));
  }

  @Override
  public <N, IN, ACC, OUT> InternalAggregatingState<N, IN, OUT> createAggregatingState(
      TypeSerializer<N> ns, AggregatingStateDescriptor<IN, ACC, OUT> d) {
    return register(d, () -> new HeapAggregatingState<>(this, new StateTable<K, N, ACC>(keyGroupRange),
        defaultNamespace(ns), d.getAggregateFunction()));
  }

  @SuppressWarnings("unchecked")
  private <S extends AbstractHeapState<K, ?, ?>> S register(StateDescriptor<?> descriptor, Supplier<S> factory) {
    Registered existing = states.get(descriptor.getName());
    if (existing != null) {
      if (existing.kind() != descriptor.kind()) {
        throw new IllegalStateException("State '" + descriptor.getName() + "' exists as " + existing.kind()
            + " state; it cannot be used as " + descriptor.kind() + " state");
      }
      return (S) existing.state();
    }
    S state = factory.get();
    states.put(descriptor.getName(), new Registered(descriptor.kind(), state.table, state));
    return state;
  }

  @SuppressWarnings("unchecked")
  private static <N> N defaultNamespace(TypeSerializer<N> namespaceSerializer) {
    return namespaceSerializer == VoidNamespace.SERIALIZER ? (N) VoidNamespace.INSTANCE : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> TimerQueue<K, N> createTimerQueue(String name, TypeSerializer<N> namespaceSerializer) {
    return (TimerQueue<K, N>) timerQueues.computeIfAbsent(name, n -> new HeapTimerQueue<K, N>());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    Registered registered = states.get(stateName);
    if (registered == null) {
      return Stream.empty();
    }
    return ((StateTable<K, N, ?>) registered.table()).keys(namespace);
  }

  @Override
  public void close() {
    states.clear();
    timerQueues.clear();
  }
}
