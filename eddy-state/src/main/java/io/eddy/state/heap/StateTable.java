package io.eddy.state.heap;

import io.eddy.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The entries of one piece of heap state: per key group (of the backend's range) a
 * {@link StateMap} of (key, namespace) -> state object. Grouping by key group first is what lets
 * a snapshot or a rescale take whole key groups. Not thread-safe.
 */
final class StateTable<K, N, S> {
  private final int firstKeyGroup;
  private final StateMap<K, N, S>[] groups;

  @SuppressWarnings("unchecked")
  StateTable(KeyGroupRange range, SnapshotVersions versions) {
    this.firstKeyGroup = range.startKeyGroup();
    this.groups = new StateMap[range.size()];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = new StateMap<>(versions);
    }
  }

  S get(int keyGroup, K key, int keyHash, N namespace) {
    return groups[keyGroup - firstKeyGroup].get(key, namespace, StateMap.hash(keyHash, namespace));
  }

  void put(int keyGroup, K key, int keyHash, N namespace, S value) {
    groups[keyGroup - firstKeyGroup].put(key, namespace, StateMap.hash(keyHash, namespace), value);
  }

  S remove(int keyGroup, K key, int keyHash, N namespace) {
    return groups[keyGroup - firstKeyGroup].remove(key, namespace, StateMap.hash(keyHash, namespace));
  }

  /** A copy of the keys with an entry under the namespace, so callers may modify the table while iterating. */
  Stream<K> keys(N namespace) {
    List<K> keys = new ArrayList<>();
    for (StateMap<K, N, S> group : groups) {
      group.forEachKey(namespace, keys::add);
    }
    return keys.stream();
  }

  /** The entries of one key group as of now (see {@link StateMap#freeze()}). */
  StateMap.Frozen freeze(int keyGroup) {
    return groups[keyGroup - firstKeyGroup].freeze();
  }

  int size() {
    int n = 0;
    for (StateMap<K, N, S> group : groups) {
      n += group.size();
    }
    return n;
  }
}
