package io.eddy.state.bytes;

import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalReducingState;

/** Reducing state: the reduced value per (key, namespace), read, reduced and written back. */
final class ByteReducingState<K, N, V> extends FoldingByteState<K, N, V> implements InternalReducingState<N, V> {
  private final ReduceFunction<V> reducer;

  ByteReducingState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<V> serializer, ReduceFunction<V> reducer) {
    super(backend, column, namespaceSerializer, defaultNamespace, serializer);
    this.reducer = reducer;
  }

  @Override
  protected V merge(V a, V b) throws Exception {
    return reducer.reduce(a, b);
  }

  @Override
  @SuppressWarnings("unchecked")
  V fold(V accumulator, Object input) throws Exception {
    return accumulator == null ? (V) input : reducer.reduce(accumulator, (V) input);
  }

  @Override
  Object result(V accumulator) {
    return accumulator;
  }

  @Override
  public V get() {
    return accumulator();
  }

  @Override
  public void add(V value) throws Exception {
    setAccumulator(fold(accumulator(), value));
  }
}
