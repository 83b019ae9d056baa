package io.eddy.api.state;

import java.util.Map;

/**
 * The read-only view of a broadcast state, as the non-broadcast side of a broadcast function
 * sees it: that side runs on one subtask only, so writing there would make the copies of the
 * subtasks differ. The entries must not be modified through this view.
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
  /** The value of {@code key}, or null. */
  V get(K key) throws Exception;

  boolean contains(K key) throws Exception;

  /** The entries, read-only. */
  Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
