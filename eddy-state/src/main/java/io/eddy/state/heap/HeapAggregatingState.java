package io.eddy.state.heap;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.state.InternalStates.InternalAggregatingState;
import java.util.Collection;

/** Aggregating state on the heap: the accumulator per (key, namespace). */
final class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapState<K, N, ACC>
    implements InternalAggregatingState<N, IN, OUT> {
  private final AggregateFunction<IN, ACC, OUT> aggregate;

  HeapAggregatingState(HeapKeyedStateBackend<K> backend, StateTable<K, N, ACC> table, N defaultNamespace,
      AggregateFunction<IN, ACC, OUT> aggregate) {
    super(backend, table, defaultNamespace);
    this.aggregate = aggregate;
  }

  @Override
  public OUT get() {
    ACC acc = current();
    return acc == null ? null : aggregate.getResult(acc);
  }

  @Override
  public void add(IN value) {
    ACC acc = current();
    setCurrent(aggregate.add(value, acc == null ? aggregate.createAccumulator() : acc));
  }

  @Override
  public void mergeNamespaces(N target, Collection<N> sources) {
    ACC merged = null;
    for (N source : sources) {
      ACC acc = removeIn(source);
      if (acc != null) {
        merged = merged == null ? acc : aggregate.merge(merged, acc);
      }
    }
    if (merged == null) {
      return;
    }
    N saved = namespace;
    namespace = target;
    ACC existing = current();
    setCurrent(existing == null ? merged : aggregate.merge(existing, merged));
    namespace = saved;
  }
}
