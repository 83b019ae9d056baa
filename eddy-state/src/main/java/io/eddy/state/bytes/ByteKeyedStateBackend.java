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
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupStreamFormat;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.KeyedBackendChecks;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.KeyedStateSnapshot;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
 * Savepoints convert the columns to the canonical form of every backend ({@link #savepoint}), and
 * a canonical snapshot is restored through {@link StagedSavepointState}.
 *
 * <p>Values are serialized on every write and deserialized on every read: an object obtained
 * from a state is a copy, and changing it changes nothing until it is written back. Keys are
 * serialized with the generic serializer once per key switch. Each state's column keeps the bytes
 * of its most recently used keys and their unwritten changes ({@link CachingKvColumn}, write-back),
 * so hot keys are read and written without a store access; every column is flushed before a
 * snapshot. Not thread-safe: owned by the task thread.
 */
public final class ByteKeyedStateBackend<K> implements KeyedStateBackend<K> {
  static final TypeSerializer<Object> KEY_SERIALIZER = TypeSerializers.generic();
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
  private StagedSavepointState staged;
  private boolean stagedLookedUp;

  private record Registered(StateDescriptor.Kind kind, CachingKvColumn column, TypeSerializer<?> namespaceSerializer,
      AbstractByteState<?, ?> state) {}

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
  private <S extends AbstractByteState<?, ?>> S register(StateDescriptor<?> descriptor, TypeSerializer<?> ns,
      ColumnOptions options, Function<KvColumn, S> factory) {
    String name = descriptor.getName();
    Registered existing = states.get(name);
    if (existing != null) {
      KeyedBackendChecks.requireKind(name, existing.kind(), descriptor.kind());
      return (S) existing.state();
    }
    CachingKvColumn column = new CachingKvColumn(column(name, options), store::newWriteBatch);
    S state = factory.apply(column);
    states.put(name, new Registered(descriptor.kind(), column, ns, state));
    unstage(name, descriptor.kind(), state, ns);
    return state;
  }

  /** Moves what a savepoint restored for a state just created into its column. */
  @SuppressWarnings("unchecked")
  private void unstage(String name, StateDescriptor.Kind kind, AbstractByteState<?, ?> created,
      TypeSerializer<?> ns) {
    StagedSavepointState staged = staged();
    if (staged == null) {
      return;
    }
    AbstractByteState<?, Object> state = (AbstractByteState<?, Object>) created;
    K key = currentKey;
    int keyGroup = currentKeyGroup;
    byte[] keyBytes = currentKeyBytes;
    try {
      for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
        staged.drainState(name, kind, kg, (k, namespace, value) -> {
          setCurrentKey((K) k);
          state.setCurrentNamespace(namespace);
          state.restoreCanonical(value);
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore state '" + name + "' from the savepoint: " + e.getMessage(), e);
    } finally {
      state.setCurrentNamespace(defaultNamespace((TypeSerializer<Object>) ns));
      currentKey = key;
      currentKeyGroup = keyGroup;
      currentKeyBytes = keyBytes;
    }
  }

  /** What a savepoint restored that no state has taken yet; null if nothing was. */
  private StagedSavepointState staged() {
    if (!stagedLookedUp) {
      stagedLookedUp = true;
      try {
        if (store.columnNames().contains(StagedSavepointState.COLUMN)) {
          staged = new StagedSavepointState(store.column(StagedSavepointState.COLUMN, ColumnOptions.PLAIN),
              maxParallelism);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open the state restored from a savepoint: " + e.getMessage(), e);
      }
    }
    return staged;
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
    ByteTimerQueue<K, ?> existing = timerQueues.get(name);
    if (existing != null) {
      return (TimerQueue<K, N>) existing;
    }
    ByteTimerQueue<K, N> queue = new ByteTimerQueue<>(
        column(TIMER_COLUMN_PREFIX + name, ColumnOptions.PLAIN), KEY_SERIALIZER, namespaceSerializer, keyGroupRange);
    timerQueues.put(name, queue);
    StagedSavepointState staged = staged();
    if (staged != null) {
      try {
        for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
          int keyGroup = kg;
          staged.drainTimers(name, kg, (time, key, ns) -> queue.add(new Timer<>(time, (K) key, (N) ns, keyGroup)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot restore timers '" + name + "' from the savepoint: " + e.getMessage(), e);
      }
    }
    return queue;
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
        ByteReader bytes = new ByteReader(entry, 2, entry.length - 2);
        K key = (K) KEY_SERIALIZER.deserialize(bytes);
        int nsStart = bytes.position();
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

  /** A write batch of the store that keeps the states' cached keys right ({@link CachingWriteBatch}). */
  KvWriteBatch newWriteBatch() {
    return new CachingWriteBatch(store.newWriteBatch());
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
    timerQueues.values().forEach(ByteTimerQueue::flush);
    for (Registered state : states.values()) {
      state.column().flush();
    }
    return store.snapshot(checkpointId, keyGroupRange);
  }

  /**
   * Converts every column to the canonical form, on the task thread (see {@link
   * CanonicalSavepoint}). A column that no state or timer queue of this backend has opened since
   * a restore cannot be converted (its serializers are unknown), and fails the savepoint.
   */
  @Override
  public KeyGroupStreamSnapshot savepoint(long checkpointId) throws IOException {
    requireOpened();
    StagedSavepointState staged = staged();
    byte[][] groups = new byte[keyGroupRange.size()][];
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    DataOutputStream sectionOut = new DataOutputStream(section);
    for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
      ByteArrayOutputStream group = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(group);
      List<StagedSavepointState.Section> stagedStates =
          staged == null ? List.of() : staged.sections(kg, StagedSavepointState.STATE);
      out.writeInt(states.size() + stagedStates.size());
      for (Map.Entry<String, Registered> state : states.entrySet()) {
        section.reset();
        int entries = state.getValue().state().writeCanonical(kg, sectionOut);
        KeyGroupStreamFormat.writeStateHeader(out, state.getKey(), state.getValue().kind(), entries);
        section.writeTo(out);
      }
      writeStaged(stagedStates, out);
      List<StagedSavepointState.Section> stagedQueues =
          staged == null ? List.of() : staged.sections(kg, StagedSavepointState.TIMER_QUEUE);
      out.writeInt(timerQueues.size() + stagedQueues.size());
      for (Map.Entry<String, ByteTimerQueue<K, ?>> queue : timerQueues.entrySet()) {
        section.reset();
        int timers = queue.getValue().writeCanonical(kg, sectionOut);
        KeyGroupStreamFormat.writeQueueHeader(out, queue.getKey(), timers);
        section.writeTo(out);
      }
      writeStaged(stagedQueues, out);
      out.flush();
      groups[kg - keyGroupRange.startKeyGroup()] = group.toByteArray();
    }
    return new CanonicalSavepoint(keyGroupRange, groups);
  }

  private static void writeStaged(List<StagedSavepointState.Section> sections, DataOutputStream out)
      throws IOException {
    for (StagedSavepointState.Section staged : sections) {
      out.writeUTF(staged.name());
      out.write(staged.bytes());
    }
  }

  /** Fails when the store holds a column that no state or timer queue has opened (restored, unused). */
  private void requireOpened() throws IOException {
    for (String column : store.columnNames()) {
      boolean opened = column.startsWith(TIMER_COLUMN_PREFIX)
          ? timerQueues.containsKey(column.substring(TIMER_COLUMN_PREFIX.length()))
          : states.containsKey(column) || column.equals(StagedSavepointState.COLUMN);
      if (!opened) {
        throw new IOException("The '" + store.kind() + "' state backend cannot write "
            + (column.startsWith(TIMER_COLUMN_PREFIX) ? "timer queue '" + column.substring(TIMER_COLUMN_PREFIX.length())
            : "state '" + column) + "' into a savepoint: it was restored from a checkpoint and the operator has not "
            + "asked for it since, so its serializers are unknown. Take the savepoint once the job has used it");
      }
    }
  }

  /** Stages one key group of a canonical snapshot (a savepoint of any backend) until its states are created. */
  @Override
  public void restoreKeyGroup(int keyGroup, DataInputStream in) throws IOException {
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + keyGroupRange);
    }
    if (staged == null) {
      staged = new StagedSavepointState(store.column(StagedSavepointState.COLUMN, ColumnOptions.PLAIN), maxParallelism);
      stagedLookedUp = true;
    }
    staged.stage(keyGroup, in);
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
