package io.eddy.state.heap;

import io.eddy.state.InternalKvState;

/**
 * Shared part of the heap states: the table, the backend that knows the current key, and the
 * current namespace. One entry object per (key, namespace).
 */
abstract class AbstractHeapState<K, N, S> implements InternalKvState<N> {
  protected final HeapKeyedStateBackend<K> backend;
  protected final StateTable<K, N, S> table;
  protected N namespace;

  AbstractHeapState(HeapKeyedStateBackend<K> backend, StateTable<K, N, S> table, N defaultNamespace) {
    this.backend = backend;
    this.table = table;
    this.namespace = defaultNamespace;
  }

  @Override
  public void setCurrentNamespace(N namespace) {
    this.namespace = namespace;
  }

  protected S current() {
    return table.get(backend.getCurrentKeyGroup(), backend.getCurrentKey(), backend.getCurrentKeyHash(), namespace);
  }

  protected void setCurrent(S value) {
    table.put(backend.getCurrentKeyGroup(), backend.getCurrentKey(), backend.getCurrentKeyHash(), namespace, value);
  }

  protected S removeIn(N ns) {
    return table.remove(backend.getCurrentKeyGroup(), backend.getCurrentKey(), backend.getCurrentKeyHash(), ns);
  }

  @Override
  public void clear() {
    removeIn(namespace);
  }
}
