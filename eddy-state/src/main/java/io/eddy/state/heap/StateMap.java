package io.eddy.state.heap;

import java.util.function.BiConsumer;

/**
 * The (key, namespace) -> state entries of one key group: an open-addressing hash table with
 * linear probing and cached hashes. One probe sequence answers a lookup, and the cached hash
 * keeps most mismatches from touching the key objects: on large states, lookups are bound by
 * cache misses, and this layout takes fewer of them than nested {@code HashMap}s.
 * Removal shifts later entries back, so there are no tombstones. Not thread-safe.
 */
final class StateMap<K, N, S> {
  private static final int INITIAL_CAPACITY = 16;

  private Object[] keys;
  private Object[] namespaces;
  private Object[] values;
  private int[] hashes;
  private int mask;
  private int size;
  private int growAt;

  StateMap() {
    allocate(INITIAL_CAPACITY);
  }

  private void allocate(int capacity) {
    keys = new Object[capacity];
    namespaces = new Object[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
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
    return i < 0 ? null : (S) values[i];
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
        if (++size > growAt) {
          grow();
        }
        return;
      }
      if (hashes[i] == hash && (k == key || k.equals(key))) {
        Object ns = namespaces[i];
        if (ns == namespace || ns.equals(namespace)) {
          values[i] = value;
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
      }
    }
  }

  /** Calls back with the key of every entry under the namespace. */
  @SuppressWarnings("unchecked")
  void forEachKey(N namespace, java.util.function.Consumer<K> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null && namespaces[i].equals(namespace)) {
        action.accept((K) keys[i]);
      }
    }
  }

  /** Calls back with every (key, namespace) entry's state. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<K, S> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        action.accept((K) keys[i], (S) values[i]);
      }
    }
  }
}
