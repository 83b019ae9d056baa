package io.eddy.state.heap;

import io.eddy.state.InternalStates.InternalMapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Map state on the heap: one HashMap per (key, namespace); an empty map is no entry. */
final class HeapMapState<K, N, UK, UV> extends AbstractHeapState<K, N, HashMap<UK, UV>>
    implements InternalMapState<N, UK, UV> {

  HeapMapState(HeapKeyedStateBackend<K> backend, StateTable<K, N, HashMap<UK, UV>> table, N defaultNamespace) {
    super(backend, table, defaultNamespace);
  }

  @Override
  public UV get(UK key) {
    HashMap<UK, UV> map = current();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(UK key, UV value) {
    HashMap<UK, UV> map = current();
    if (map == null) {
      map = new HashMap<>(4);
      setCurrent(map);
    }
    map.put(key, value);
  }

  @Override
  public void putAll(Map<UK, UV> values) {
    for (Map.Entry<UK, UV> e : values.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  @Override
  public void remove(UK key) {
    HashMap<UK, UV> map = current();
    if (map != null) {
      map.remove(key);
      if (map.isEmpty()) {
        clear();
      }
    }
  }

  @Override
  public boolean contains(UK key) {
    HashMap<UK, UV> map = current();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<UK, UV>> entries() {
    return this::iterator;
  }

  @Override
  public Iterable<UK> keys() {
    HashMap<UK, UV> map = current();
    return map == null ? Collections.emptySet() : map.keySet();
  }

  @Override
  public Iterable<UV> values() {
    HashMap<UK, UV> map = current();
    return map == null ? Collections.emptyList() : map.values();
  }

  @Override
  public Iterator<Map.Entry<UK, UV>> iterator() {
    HashMap<UK, UV> map = current();
    return map == null ? Collections.emptyIterator() : map.entrySet().iterator();
  }

  @Override
  public boolean isEmpty() {
    HashMap<UK, UV> map = current();
    return map == null || map.isEmpty();
  }
}
