package io.eddy.state.heap;

import io.eddy.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The entries of one piece of heap state: per key group (of the backend's range), per
 * namespace, per key, one state object. Grouping by key group first is what lets a snapshot or
 * a rescale take whole key groups. Not thread-safe.
 */
final class StateTable<K, N, S> {
  private final int firstKeyGroup;
  private final List<HashMap<N, HashMap<K, S>>> groups;

  StateTable(KeyGroupRange range) {
    this.firstKeyGroup = range.startKeyGroup();
    this.groups = new ArrayList<>(range.size());
    for (int i = 0; i < range.size(); i++) {
      groups.add(new HashMap<>(4));
    }
  }

  S get(int keyGroup, K key, N namespace) {
    HashMap<K, S> byKey = groups.get(keyGroup - firstKeyGroup).get(namespace);
    return byKey == null ? null : byKey.get(key);
  }

  void put(int keyGroup, K key, N namespace, S value) {
    groups.get(keyGroup - firstKeyGroup).computeIfAbsent(namespace, n -> new HashMap<>()).put(key, value);
  }

  S remove(int keyGroup, K key, N namespace) {
    HashMap<N, HashMap<K, S>> byNamespace = groups.get(keyGroup - firstKeyGroup);
    HashMap<K, S> byKey = byNamespace.get(namespace);
    if (byKey == null) {
      return null;
    }
    S removed = byKey.remove(key);
    if (byKey.isEmpty()) {
      byNamespace.remove(namespace);
    }
    return removed;
  }

  /** A copy of the keys with an entry under the namespace, so callers may modify the table while iterating. */
  Stream<K> keys(N namespace) {
    List<K> keys = new ArrayList<>();
    for (HashMap<N, HashMap<K, S>> group : groups) {
      Map<K, S> byKey = group.get(namespace);
      if (byKey != null) {
        keys.addAll(byKey.keySet());
      }
    }
    return keys.stream();
  }

  int size() {
    int n = 0;
    for (HashMap<N, HashMap<K, S>> group : groups) {
      for (HashMap<K, S> byKey : group.values()) {
        n += byKey.size();
      }
    }
    return n;
  }
}
