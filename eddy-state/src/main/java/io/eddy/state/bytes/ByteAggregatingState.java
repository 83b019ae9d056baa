package io.eddy.state.bytes;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalAggregatingState;

/** Aggregating state: the accumulator per (key, namespace), read, added to and written back. */
final class ByteAggregatingState<K, N, IN, ACC, OUT> extends FoldingByteState<K, N, ACC>
    implements InternalAggregatingState<N, IN, OUT> {
  private final AggregateFunction<IN, ACC, OUT> aggregate;

  ByteAggregatingState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> aggregate) {
    super(backend, column, namespaceSerializer, defaultNamespace, serializer);
    this.aggregate = aggregate;
  }

  @Override
  protected ACC merge(ACC a, ACC b) {
    return aggregate.merge(a, b);
  }

  @Override
  @SuppressWarnings("unchecked")
  ACC fold(ACC accumulator, Object input) {
    return aggregate.add((IN) input, accumulator == null ? aggregate.createAccumulator() : accumulator);
  }

  @Override
  Object result(ACC accumulator) {
    return aggregate.getResult(accumulator);
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT get() {
    ACC acc = accumulator();
    return acc == null ? null : (OUT) result(acc);
  }

  @Override
  public void add(IN value) {
    setAccumulator(fold(accumulator(), value));
  }
}
