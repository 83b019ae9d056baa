package io.eddy.state.heap;

import io.eddy.state.InternalStates.InternalValueState;

/** Value state on the heap; a null update clears. */
final class HeapValueState<K, N, V> extends AbstractHeapState<K, N, V> implements InternalValueState<N, V> {

  HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, N, V> table, N defaultNamespace) {
    super(backend, table, defaultNamespace);
  }

  @Override
  public V value() {
    return current();
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      setCurrent(value);
    }
  }
}
