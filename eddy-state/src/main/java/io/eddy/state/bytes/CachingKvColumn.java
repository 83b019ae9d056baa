package io.eddy.state.bytes;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state column with the stored bytes of its most recently used keys in front of it, so that
 * re-reading a hot key (the auction every bid looks up, the window every element folds into)
 * costs a hash lookup instead of a store read: on RocksDB a JNI crossing and a memtable skiplist
 * search, which profiles of the stateful Nexmark queries showed to be most of the task thread's
 * time. Reads that miss fill it (an absent key is remembered as absent); puts and deletes write
 * through and update it; appends write through and forget the key (concatenating a growing list
 * in memory would copy it per append). The store stays authoritative, so scans, snapshots and
 * the read threads of a state executor ({@link #multiGet}) bypass the cache. Writes that reach the
 * store through a write batch forget their keys when the batch commits ({@link CachingWriteBatch}).
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} keys, least recently used first out, and values over
 * {@link #MAX_VALUE_BYTES} are not kept. Arrays are copied in and out, as {@link KvColumn}
 * requires. Task thread only, except {@link #multiGet}, which is as thread-safe as the store's.
 */
final class CachingKvColumn implements KvColumn {
  static final int MAX_ENTRIES = 4096;
  static final int MAX_VALUE_BYTES = 4096;
  /** The cached value of a key known to be absent. */
  private static final Object ABSENT = new Object();

  private final KvColumn store;
  private final Map<Key, Object> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  CachingKvColumn(KvColumn store) {
    this.store = store;
  }

  /** The column of the store, for write batches, which write to it directly. */
  KvColumn store() {
    return store;
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    Object cached = entries.get(new Key(key));
    if (cached != null) {
      return cached == ABSENT ? null : ((byte[]) cached).clone();
    }
    byte[] value = store.get(key);
    remember(key, value);
    return value;
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    return store.multiGet(keys);
  }

  @Override
  public List<byte[]> multiGetCached(List<byte[]> keys, BitSet answered) throws IOException {
    return store.multiGetCached(keys, answered);
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    store.put(key, value);
    remember(key, value);
  }

  @Override
  public void delete(byte[] key) throws IOException {
    store.delete(key);
    remember(key, null);
  }

  @Override
  public void append(byte[] key, byte[] operand) throws IOException {
    store.append(key, operand);
    forget(key);
  }

  @Override
  public KvCursor scan(byte[] prefix) throws IOException {
    return store.scan(prefix);
  }

  /** Drops what is cached for {@code key} (it was written past this column). */
  void forget(byte[] key) {
    entries.remove(new Key(key));
  }

  private void remember(byte[] key, byte[] value) {
    if (value != null && value.length > MAX_VALUE_BYTES) {
      forget(key);
    } else {
      entries.put(new Key(key.clone()), value == null ? ABSENT : value.clone());
    }
  }

  /** A key's bytes compared by content. */
  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
