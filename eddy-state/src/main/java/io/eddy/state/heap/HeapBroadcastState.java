package io.eddy.state.heap;

import io.eddy.api.state.BroadcastState;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broadcast state of an operator subtask: a map on the heap, in insertion order (so that
 * iteration order is the same on every subtask that saw the same broadcast elements). Owned by
 * the task thread.
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
  private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

  @Override
  public V get(K key) {
    return map.get(key);
  }

  @Override
  public boolean contains(K key) {
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> immutableEntries() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public void put(K key, V value) {
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> values) {
    map.putAll(values);
  }

  @Override
  public void remove(K key) {
    map.remove(key);
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public void clear() {
    map.clear();
  }

  Map<K, V> map() {
    return map;
  }
}
