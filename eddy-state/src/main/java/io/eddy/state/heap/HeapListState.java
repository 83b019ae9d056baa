package io.eddy.state.heap;

import io.eddy.state.InternalStates.InternalListState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** List state on the heap: one ArrayList per (key, namespace); an empty list is no entry. */
final class HeapListState<K, N, V> extends AbstractHeapState<K, N, ArrayList<V>>
    implements InternalListState<N, V> {

  HeapListState(HeapKeyedStateBackend<K> backend, StateTable<K, N, ArrayList<V>> table, N defaultNamespace) {
    super(backend, table, defaultNamespace);
  }

  @Override
  public Iterable<V> get() {
    ArrayList<V> list = current();
    return list == null ? List.of() : list;
  }

  @Override
  public void add(V value) {
    requireNonNull(value);
    ArrayList<V> list = current();
    if (list == null) {
      list = new ArrayList<>(4);
      setCurrent(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<V> values) {
    if (values == null || values.isEmpty()) {
      clear();
      return;
    }
    values.forEach(HeapListState::requireNonNull);
    setCurrent(new ArrayList<>(values));
  }

  @Override
  public void addAll(List<V> values) {
    if (values == null || values.isEmpty()) {
      return;
    }
    values.forEach(HeapListState::requireNonNull);
    ArrayList<V> list = current();
    if (list == null) {
      setCurrent(new ArrayList<>(values));
    } else {
      list.addAll(values);
    }
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ArrayList<V> merged = null;
    for (N source : sources) {
      ArrayList<V> list = removeIn(source);
      if (list != null) {
        if (merged == null) merged = list; else merged.addAll(list);
      }
    }
    if (merged == null) {
      return;
    }
    N saved = namespace;
    namespace = target;
    ArrayList<V> existing = current();
    if (existing == null) {
      setCurrent(merged);
    } else {
      existing.addAll(merged);
    }
    namespace = saved;
  }

  private static void requireNonNull(Object value) {
    if (value == null) {
      throw new NullPointerException("List state does not accept null elements");
    }
  }
}
