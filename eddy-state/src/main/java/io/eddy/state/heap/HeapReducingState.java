package io.eddy.state.heap;

import io.eddy.api.functions.ReduceFunction;
import io.eddy.state.InternalStates.InternalReducingState;
import java.util.Collection;

/** Reducing state on the heap: the reduced value per (key, namespace). */
final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N, V> implements InternalReducingState<N, V> {
  private final ReduceFunction<V> reducer;

  HeapReducingState(HeapKeyedStateBackend<K> backend, StateTable<K, N, V> table, N defaultNamespace,
      ReduceFunction<V> reducer) {
    super(backend, table, defaultNamespace);
    this.reducer = reducer;
  }

  @Override
  public V get() {
    return current();
  }

  @Override
  public void add(V value) throws Exception {
    V old = current();
    setCurrent(old == null ? value : reducer.reduce(old, value));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
    V merged = null;
    for (N source : sources) {
      V v = removeIn(source);
      if (v != null) {
        merged = merged == null ? v : reducer.reduce(merged, v);
      }
    }
    if (merged == null) {
      return;
    }
    N saved = namespace;
    namespace = target;
    V existing = current();
    setCurrent(existing == null ? merged : reducer.reduce(existing, merged));
    namespace = saved;
  }
}
