package io.eddy.api.datastream.internal;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.windowing.Window;
import java.util.Collections;

/**
 * aggregate() on a window with an evictor: the window keeps all its elements, and when it
 * fires the elements left after eviction are folded into a fresh accumulator whose result the
 * window function sees (also when every element was evicted).
 */
public final class AggregateApplyWindowFunction<T, ACC, V, R, K, W extends Window>
    extends WrappingProcessWindowFunction<T, R, K, W> {
  private final AggregateFunction<T, ACC, V> aggregate;
  private final ProcessWindowFunction<V, R, K, W> function;

  public AggregateApplyWindowFunction(AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, K, W> function) {
    super(aggregate, function);
    this.aggregate = aggregate;
    this.function = function;
  }

  @Override
  public void process(K key, Context context, Iterable<T> elements, Collector<R> out) throws Exception {
    ACC accumulator = aggregate.createAccumulator();
    for (T element : elements) {
      accumulator = aggregate.add(element, accumulator);
    }
    function.process(key, InnerContexts.forward(function, context),
        Collections.singletonList(aggregate.getResult(accumulator)), out);
  }

  @Override
  public void clear(Context context) throws Exception {
    function.clear(InnerContexts.forward(function, context));
  }
}
