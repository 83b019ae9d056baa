package io.eddy.state.heap;

import static io.eddy.state.KeyedBackendChecks.defaultNamespace;

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
import io.eddy.state.KeyedBackendChecks;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.timers.HeapTimerQueue;
import io.eddy.state.timers.TimerQueue;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code hashmap} backend: keyed state as Java objects in hash tables, grouped by key group.
 * Fastest while state fits in memory; nothing is serialized on the record path. Snapshots are
 * a frozen view taken synchronously (array copies) and written asynchronously; see
 * {@link HeapSnapshot} and {@link StateMap}.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final SnapshotVersions versions = new SnapshotVersions();
  private final Map<String, Registered> states = new LinkedHashMap<>();
  private final Map<String, RestoredTable> restoredTables = new LinkedHashMap<>();
  private final Map<String, HeapTimerQueue<K, ?>> timerQueues = new LinkedHashMap<>();
  private K currentKey;
  private int currentKeyGroup;
  private int currentKeyHash;

  record Registered(StateDescriptor.Kind kind, StateTable<?, ?, ?> table, InternalKvState<?> state) {}

  /** A table read from a snapshot before any operator asked for its state. */
  record RestoredTable(StateDescriptor.Kind kind, StateTable<?, ?, ?> table) {}

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
    int keyGroup = KeyedBackendChecks.ownedKeyGroup(key, keyHash, keyGroupRange, maxParallelism);
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
  public <N, V> InternalValueState<N, V> createValueState(TypeSerializer<N> ns, ValueStateDescriptor<V> d) {
    return register(d, (StateTable<K, N, V> t) -> new HeapValueState<>(this, t, defaultNamespace(ns)));
  }

  @Override
  public <N, V> InternalListState<N, V> createListState(TypeSerializer<N> ns, ListStateDescriptor<V> d) {
    return register(d, (StateTable<K, N, java.util.ArrayList<V>> t) -> new HeapListState<>(this, t, defaultNamespace(ns)));
  }

  @Override
  public <N, UK, UV> InternalMapState<N, UK, UV> createMapState(TypeSerializer<N> ns, MapStateDescriptor<UK, UV> d) {
    return register(d,
        (StateTable<K, N, java.util.HashMap<UK, UV>> t) -> new HeapMapState<>(this, t, defaultNamespace(ns)));
  }

  @Override
  public <N, V> InternalReducingState<N, V> createReducingState(TypeSerializer<N> ns, ReducingStateDescriptor<V> d) {
    return register(d,
        (StateTable<K, N, V> t) -> new HeapReducingState<>(this, t, defaultNamespace(ns), d.getReduceFunction()));
  }

  @Override
  public <N, IN, ACC, OUT> InternalAggregatingState<N, IN, OUT> createAggregatingState(
      TypeSerializer<N> ns, AggregatingStateDescriptor<IN, ACC, OUT> d) {
    return register(d, (StateTable<K, N, ACC> t) ->
        new HeapAggregatingState<>(this, t, defaultNamespace(ns), d.getAggregateFunction()));
  }

  @SuppressWarnings("unchecked")
  private <T extends StateTable<?, ?, ?>, S extends InternalKvState<?>> S register(
      StateDescriptor<?> descriptor, Function<T, S> factory) {
    String name = descriptor.getName();
    Registered existing = states.get(name);
    if (existing != null) {
      KeyedBackendChecks.requireKind(name, existing.kind(), descriptor.kind());
      return (S) existing.state();
    }
    RestoredTable restored = restoredTables.remove(name);
    if (restored != null) {
      KeyedBackendChecks.requireKind(name, restored.kind(), descriptor.kind());
    }
    T table = restored != null ? (T) restored.table() : (T) new StateTable<>(keyGroupRange, versions);
    S state = factory.apply(table);
    states.put(name, new Registered(descriptor.kind(), table, state));
    return state;
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
  public String backendType() {
    return HashMapStateBackendFactory.NAME;
  }

  @Override
  public KeyGroupStreamSnapshot snapshot(long checkpointId) {
    versions.started();
    Map<String, RestoredTable> tables = new LinkedHashMap<>();
    restoredTables.forEach(tables::put);
    states.forEach((name, r) -> tables.put(name, new RestoredTable(r.kind(), r.table())));
    return new HeapSnapshot(keyGroupRange, tables, timerQueues, versions);
  }

  /** The heap's checkpoints are already in the canonical format. */
  @Override
  public KeyGroupStreamSnapshot savepoint(long checkpointId) {
    return snapshot(checkpointId);
  }

  @Override
  public void restoreKeyGroup(int keyGroup, DataInputStream in) throws IOException {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + keyGroupRange);
    }
    HeapSnapshot.readKeyGroup(keyGroup, in, this);
  }

  /** The table a restored entry goes to: the live state's, or one waiting for its state. */
  StateTable<?, ?, ?> tableForRestore(String name, StateDescriptor.Kind kind) {
    Registered live = states.get(name);
    if (live != null) {
      KeyedBackendChecks.requireKind(name, live.kind(), kind);
      return live.table();
    }
    RestoredTable restored = restoredTables.computeIfAbsent(name,
        n -> new RestoredTable(kind, new StateTable<>(keyGroupRange, versions)));
    KeyedBackendChecks.requireKind(name, restored.kind(), kind);
    return restored.table();
  }

  @SuppressWarnings("unchecked")
  HeapTimerQueue<K, Object> timerQueueForRestore(String name) {
    return (HeapTimerQueue<K, Object>) timerQueues.computeIfAbsent(name, n -> new HeapTimerQueue<K, Object>());
  }

  @Override
  public void close() {
    states.clear();
    restoredTables.clear();
    timerQueues.clear();
  }
}
