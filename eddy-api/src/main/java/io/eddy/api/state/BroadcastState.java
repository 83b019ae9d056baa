package io.eddy.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel subtask of an operator holds a copy of, written by the broadcast
 * side of a broadcast function (which sees the same elements on every subtask, so the copies
 * stay equal if the function is deterministic). It is operator state: each subtask checkpoints
 * its copy, and on restore, at any parallelism, every subtask gets a copy.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
  void put(K key, V value) throws Exception;

  void putAll(Map<K, V> map) throws Exception;

  void remove(K key) throws Exception;

  /** The entries, modifiable ({@code remove} and {@code setValue} change the state). */
  Iterator<Map.Entry<K, V>> iterator() throws Exception;

  Iterable<Map.Entry<K, V>> entries() throws Exception;
}
