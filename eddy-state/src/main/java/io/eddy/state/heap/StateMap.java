package io.eddy.state.heap;

/**
 * The (key, namespace) -> state entries of one key group: an open-addressing hash table with
 * linear probing and cached hashes. One probe sequence answers a lookup, and the cached hash
 * keeps most mismatches from touching the key objects: on large states, lookups are bound by
 * cache misses, and this layout takes fewer of them than nested {@code HashMap}s.
 * Removal shifts later entries back, so there are no tombstones.
 *
 * <p>Snapshots: {@link #freeze()} hands out shallow copies of the arrays for an asynchronous
 * writer. State objects may be mutated in place by their states (lists, maps, accumulators), so
 * while a snapshot is being written an entry older than it is deep-copied the first time it
 * is read (copy-on-read), and the snapshot keeps the original. Not thread-safe, except that
 * frozen views may be read by another thread.
 */
final class StateMap<K, N, S> {
  private static final int INITIAL_CAPACITY = 16;

  private Object[] keys;
  private Object[] namespaces;
  private Object[] values;
  private int[] hashes;
  private int[] versions;
  private final SnapshotVersions snapshotVersions;
  private int mask;
  private int size;
  private int growAt;

  StateMap(SnapshotVersions snapshotVersions) {
    this.snapshotVersions = snapshotVersions;
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int capacity) {
    keys = new Object[capacity];
    namespaces = new Object[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
    versions = new int[capacity];
    mask = capacity - 1;
    growAt = capacity / 2 + capacity / 4;
  }

  /** Spreads the combined hash of key and namespace over the table. */
  static int hash(int keyHash, Object namespace) {
    int h = (keyHash * 31 + namespace.hashCode()) * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  int size() {
    return size;
  }

  private int find(Object key, Object namespace, int hash) {
    int i = hash & mask;
    while (true) {
      Object k = keys[i];
      if (k == null) {
        return -1;
      }
      if (hashes[i] == hash && (k == key || k.equals(key))) {
        Object ns = namespaces[i];
        if (ns == namespace || ns.equals(namespace)) {
          return i;
        }
      }
      i = (i + 1) & mask;
    }
  }

  @SuppressWarnings("unchecked")
  S get(K key, N namespace, int hash) {
    int i = find(key, namespace, hash);
    if (i < 0) {
      return null;
    }
    if (versions[i] < snapshotVersions.current() && snapshotVersions.writing()) {
      values[i] = snapshotVersions.copy(values[i]);
      versions[i] = snapshotVersions.current();
    }
    return (S) values[i];
  }

  void put(K key, N namespace, int hash, S value) {
    int i = hash & mask;
    while (true) {
      Object k = keys[i];
      if (k == null) {
        keys[i] = key;
        namespaces[i] = namespace;
        values[i] = value;
        hashes[i] = hash;
        versions[i] = snapshotVersions.current();
        if (++size > growAt) {
          grow();
        }
        return;
      }
      if (hashes[i] == hash && (k == key || k.equals(key))) {
        Object ns = namespaces[i];
        if (ns == namespace || ns.equals(namespace)) {
          values[i] = value;
          versions[i] = snapshotVersions.current();
          return;
        }
      }
      i = (i + 1) & mask;
    }
  }

  @SuppressWarnings("unchecked")
  S remove(K key, N namespace, int hash) {
    int hole = find(key, namespace, hash);
    if (hole < 0) {
      return null;
    }
    S removed = (S) values[hole];
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (keys[j] == null) {
        break;
      }
      int ideal = hashes[j] & mask;
      boolean movable = j > hole ? (ideal <= hole || ideal > j) : (ideal <= hole && ideal > j);
      if (movable) {
        keys[hole] = keys[j];
        namespaces[hole] = namespaces[j];
        values[hole] = values[j];
        hashes[hole] = hashes[j];
        versions[hole] = versions[j];
        hole = j;
      }
    }
    keys[hole] = null;
    namespaces[hole] = null;
    values[hole] = null;
    size--;
    return removed;
  }

  private void grow() {
    Object[] oldKeys = keys;
    Object[] oldNamespaces = namespaces;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    int[] oldVersions = versions;
    allocate(oldKeys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = oldHashes[i] & mask;
        while (keys[j] != null) {
          j = (j + 1) & mask;
        }
        keys[j] = oldKeys[i];
        namespaces[j] = oldNamespaces[i];
        values[j] = oldValues[i];
        hashes[j] = oldHashes[i];
        versions[j] = oldVersions[i];
      }
    }
  }

  /** A consistent view of the entries as of now, safe to read from another thread. */
  Frozen freeze() {
    return new Frozen(keys.clone(), namespaces.clone(), values.clone(), size);
  }

  /** The entries of a {@link #freeze()}; null keys are empty slots. */
  record Frozen(Object[] keys, Object[] namespaces, Object[] values, int size) {}

  /** Calls back with the key of every entry under the namespace. */
  @SuppressWarnings("unchecked")
  void forEachKey(N namespace, java.util.function.Consumer<K> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null && namespaces[i].equals(namespace)) {
        action.accept((K) keys[i]);
      }
    }
  }


}
