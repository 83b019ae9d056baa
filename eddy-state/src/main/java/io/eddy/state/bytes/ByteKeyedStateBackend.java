package io.eddy.state.bytes;

import static io.eddy.state.KeyedBackendChecks.defaultNamespace;

import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.state.InternalKvState;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedBackendChecks;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.KeyedStateSnapshot;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.timers.TimerQueue;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The keyed state backend of every byte-oriented store (rocksdb, disaggregated): the five state
 * primitives, namespaces, merging and timers as serialized entries {@code [keyGroup:2][key]
 * [namespace][userKey]} in the columns of a {@link KvStore}, which does the storing,
 * checkpointing and restoring. Written once here so that both stores give the same semantics.
 *
 * <p>Values are serialized on every write and deserialized on every read: an object obtained
 * from a state is a copy, and changing it changes nothing until it is written back. Keys are
 * serialized with the generic serializer once per key switch. Not thread-safe: owned by the
 * task thread.
 */
public final class ByteKeyedStateBackend<K> implements KeyedStateBackend<K> {
  private static final TypeSerializer<Object> KEY_SERIALIZER = TypeSerializers.generic();
  private static final String TIMER_COLUMN_PREFIX = "_timers/";

  private final KvStore store;
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final Map<String, Registered> states = new HashMap<>();
  private final Map<String, ByteTimerQueue<K, ?>> timerQueues = new HashMap<>();
  private final List<StateExecutor> executors = new ArrayList<>();
  private final ByteBuilder keyScratch = new ByteBuilder();
  private K currentKey;
  private int currentKeyGroup;
  private byte[] currentKeyBytes;

  private record Registered(StateDescriptor.Kind kind, KvColumn column, TypeSerializer<?> namespaceSerializer,
      InternalKvState<?> state) {}

  public ByteKeyedStateBackend(KvStore store, KeyGroupRange keyGroupRange, int maxParallelism) {
    this.store = store;
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
  public String backendType() {
    return store.kind();
  }

  @Override
  public void setCurrentKey(K key) {
    int keyGroup = KeyedBackendChecks.ownedKeyGroup(key, key.hashCode(), keyGroupRange, maxParallelism);
    if (key != currentKey) {
      currentKeyBytes = null;
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
  }

  @Override
  public K getCurrentKey() {
    return currentKey;
  }

  @Override
  public int getCurrentKeyGroup() {
    return currentKeyGroup;
  }

  /** The current key in the generic serializer's form, serialized once per key. */
  byte[] currentKeyBytes() {
    if (currentKeyBytes == null) {
      currentKeyBytes = ByteCodec.toBytes(KEY_SERIALIZER, currentKey, keyScratch);
    }
    return currentKeyBytes;
  }

  @Override
  public <N, V> InternalValueState<N, V> createValueState(TypeSerializer<N> ns, ValueStateDescriptor<V> d) {
    return register(d, ns, ttlOptions(d),
        column -> new ByteValueState<>(this, column, ns, defaultNamespace(ns), d.getSerializer()));
  }

  @Override
  public <N, V> InternalListState<N, V> createListState(TypeSerializer<N> ns, ListStateDescriptor<V> d) {
    return register(d, ns, new ColumnOptions(true, 0),
        column -> new ByteListState<>(this, column, ns, defaultNamespace(ns), d.getSerializer()));
  }

  @Override
  public <N, UK, UV> InternalMapState<N, UK, UV> createMapState(TypeSerializer<N> ns, MapStateDescriptor<UK, UV> d) {
    return register(d, ns, ttlOptions(d), column -> new ByteMapState<>(this, column, ns, defaultNamespace(ns),
        d.getUserKeySerializer(), d.getSerializer()));
  }

  @Override
  public <N, V> InternalReducingState<N, V> createReducingState(TypeSerializer<N> ns, ReducingStateDescriptor<V> d) {
    return register(d, ns, ttlOptions(d), column -> new ByteReducingState<>(this, column, ns, defaultNamespace(ns),
        d.getSerializer(), d.getReduceFunction()));
  }

  @Override
  public <N, IN, ACC, OUT> InternalAggregatingState<N, IN, OUT> createAggregatingState(
      TypeSerializer<N> ns, AggregatingStateDescriptor<IN, ACC, OUT> d) {
    return register(d, ns, ttlOptions(d), column -> new ByteAggregatingState<>(this, column, ns,
        defaultNamespace(ns), d.getSerializer(), d.getAggregateFunction()));
  }

  private static ColumnOptions ttlOptions(StateDescriptor<?> descriptor) {
    return descriptor.getTtlConfig().isEnabled()
        ? new ColumnOptions(false, descriptor.getTtlConfig().ttl().toMillis())
        : ColumnOptions.PLAIN;
  }

  @SuppressWarnings("unchecked")
  private <S extends InternalKvState<?>> S register(StateDescriptor<?> descriptor, TypeSerializer<?> ns,
      ColumnOptions options, Function<KvColumn, S> factory) {
    String name = descriptor.getName();
    Registered existing = states.get(name);
    if (existing != null) {
      KeyedBackendChecks.requireKind(name, existing.kind(), descriptor.kind());
      return (S) existing.state();
    }
    KvColumn column = column(name, options);
    S state = factory.apply(column);
    states.put(name, new Registered(descriptor.kind(), column, ns, state));
    return state;
  }

  private KvColumn column(String name, ColumnOptions options) {
    try {
      return store.column(name, options);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open state '" + name + "' in the '" + store.kind()
          + "' state backend: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> TimerQueue<K, N> createTimerQueue(String name, TypeSerializer<N> namespaceSerializer) {
    return (TimerQueue<K, N>) timerQueues.computeIfAbsent(name, n -> new ByteTimerQueue<K, N>(
        column(TIMER_COLUMN_PREFIX + n, ColumnOptions.PLAIN), KEY_SERIALIZER, namespaceSerializer, keyGroupRange));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    Registered registered = states.get(stateName);
    if (registered == null) {
      return Stream.empty();
    }
    byte[] wanted = ByteCodec.toBytes((TypeSerializer<N>) registered.namespaceSerializer(), namespace, new ByteBuilder());
    Set<K> keys = new LinkedHashSet<>();
    try (KvCursor cursor = registered.column().scan(new byte[0])) {
      while (cursor.next()) {
        byte[] entry = cursor.key();
        ByteArrayInputStream bytes = new ByteArrayInputStream(entry, 2, entry.length - 2);
        K key = (K) KEY_SERIALIZER.deserialize(new DataInputStream(bytes));
        int nsStart = entry.length - bytes.available();
        if (entry.length - nsStart >= wanted.length
            && Arrays.equals(entry, nsStart, nsStart + wanted.length, wanted, 0, wanted.length)) {
          keys.add(key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the keys of state '" + stateName + "': " + e.getMessage(), e);
    }
    return keys.stream();
  }

  /** Batches reads as multi-gets on the store's read threads and writes as write batches; closed with the backend. */
  @Override
  public StateExecutor createStateExecutor(Executor taskThread) {
    StateExecutor executor = new ByteStateExecutor(this, store, taskThread);
    executors.add(executor);
    return executor;
  }

  @Override
  public KeyedStateSnapshot snapshot(long checkpointId) throws IOException {
    return store.snapshot(checkpointId, keyGroupRange);
  }

  @Override
  public void restoreFromHandles(List<KeyedStateHandle> handles) throws IOException {
    store.restore(handles, keyGroupRange);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws IOException {
    store.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void close() {
    try {
      executors.forEach(StateExecutor::close); // no read may be in flight when the store closes
    } finally {
      store.close();
    }
  }
}
