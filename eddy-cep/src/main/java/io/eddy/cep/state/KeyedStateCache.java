package io.eddy.cep.state;

import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.cep.configuration.SharedBufferCacheConfig;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.heap.HeapKeyedStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A CEP operator's write-back cache of keyed state (Flink's SharedBuffer caches, extended to
 * every per-key state of the operator): the operator's states are read and written through
 * {@link CachedState}s made here, whose entries stay in memory across records and keys, up to
 * the {@link SharedBufferCacheConfig}'s slots per state, least recently used written back first.
 *
 * <p>Exactly once: the operator calls {@link #flush} when a checkpoint or savepoint snapshots
 * its keyed state (before the backend's snapshot, on the task thread), so the snapshot holds
 * every change made before the barrier; after a failure the cache starts empty and the restored
 * state is read again. Without slots ({@link SharedBufferCacheConfig#acrossRecords()} false)
 * and in the asynchronous execution model (whose read-ahead reads the backend), {@link
 * #endRecord} writes everything back after each record or timer, so the cache only batches one
 * record's reads and writes of its own key; so it does on the heap backend, whose state is the
 * objects themselves (caching them across records made {@code eddy bench cep} about 15% slower).
 *
 * <p>Writing an entry back sets the backend's current key to the entry's and back. Task thread only.
 */
public final class KeyedStateCache {
  private final KeyedStateBackend<Object> backend;
  private final KeyedStateStore store;
  private final SharedBufferCacheConfig config;
  private final boolean acrossRecords;
  private final List<CachedState<?, ?, ?>> states = new ArrayList<>();

  public KeyedStateCache(KeyedStateBackend<Object> backend, KeyedStateStore store, SharedBufferCacheConfig config,
      boolean asyncState) {
    this.backend = backend;
    this.store = store;
    this.config = config;
    // a heap backend already holds the objects: caching them again only adds work
    this.acrossRecords = config.acrossRecords() && !asyncState && !(backend instanceof HeapKeyedStateBackend);
  }

  /** A map state whose values are events, cached in the working form {@code W}. */
  public <K, W, S> CachedState<K, W, S> events(MapStateDescriptor<K, S> descriptor, Function<S, W> load,
      Function<W, S> stored) {
    return register(new CachedState<>(this, mapBacking(store.getMapState(descriptor)),
        config.eventsBufferCacheSlots(), load, stored));
  }

  /** A map state of other entries (shared buffer nodes), cached in the working form {@code W}. */
  public <K, W, S> CachedState<K, W, S> entries(MapStateDescriptor<K, S> descriptor, Function<S, W> load,
      Function<W, S> stored) {
    return register(new CachedState<>(this, mapBacking(store.getMapState(descriptor)),
        config.entryCacheSlots(), load, stored));
  }

  /** A value state, cached as the one entry ({@link CachedState#VALUE}) of each key. */
  public <V> CachedState<Boolean, V, V> value(ValueStateDescriptor<V> descriptor) {
    ValueState<V> state = store.getState(descriptor);
    return register(new CachedState<>(this, new CachedState.Backing<>() {
      @Override public V get(Boolean entry) throws Exception { return state.value(); }
      @Override public void put(Boolean entry, V value) throws Exception { state.update(value); }
      @Override public void remove(Boolean entry) { state.clear(); }
      @Override public void clear() { state.clear(); }
    }, config.entryCacheSlots(), Function.identity(), Function.identity()));
  }

  private static <K, S> CachedState.Backing<K, S> mapBacking(MapState<K, S> state) {
    return new CachedState.Backing<>() {
      @Override public S get(K entry) throws Exception { return state.get(entry); }
      @Override public void put(K entry, S value) throws Exception { state.put(entry, value); }
      @Override public void remove(K entry) throws Exception { state.remove(entry); }
      @Override public void clear() { state.clear(); }
    };
  }

  private <C extends CachedState<?, ?, ?>> C register(C state) {
    states.add(state);
    return state;
  }

  /** Forgets {@code dropped}'s cached entries, written or not, and stops caching it (its state is being dropped). */
  public void discard(CachedState<?, ?, ?> dropped) {
    dropped.discard();
    states.remove(dropped);
  }

  /** Writes every changed entry back to the backend (a snapshot of keyed state comes next). */
  public void flush() throws Exception {
    for (CachedState<?, ?, ?> state : states) {
      state.flush();
    }
  }

  /** A record or timer is done: without a cache across records, writes its entries back and empties the cache. */
  public void endRecord() throws Exception {
    if (!acrossRecords) {
      for (CachedState<?, ?, ?> state : states) {
        state.flush();
        state.discard();
      }
    }
  }

  /** Whether entries stay beyond a record, so that the slots bound them. */
  boolean acrossRecords() {
    return acrossRecords;
  }

  Object currentKey() {
    return backend.getCurrentKey();
  }

  /** Runs {@code write} with the backend's current key set to {@code key}, then sets the current key back. */
  void writeAs(Object key, CachedState.Write write) throws Exception {
    Object current = backend.getCurrentKey();
    if (Objects.equals(current, key)) {
      write.run();
      return;
    }
    backend.setCurrentKey(key);
    try {
      write.run();
    } finally {
      if (current != null) {
        backend.setCurrentKey(current);
      }
    }
  }
}
