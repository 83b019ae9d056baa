package io.eddy.api.datastream.internal;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.windowing.Window;
import java.util.List;

/**
 * reduce() on a window with an evictor: the window keeps all its elements, and when it fires
 * the elements left after eviction are reduced and the result handed to the window function.
 * A window whose elements were all evicted produces nothing.
 */
public final class ReduceApplyWindowFunction<T, R, K, W extends Window> extends WrappingProcessWindowFunction<T, R, K, W> {
  private final ReduceFunction<T> reducer;
  private final ProcessWindowFunction<T, R, K, W> function;

  public ReduceApplyWindowFunction(ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    super(reducer, function);
    this.reducer = reducer;
    this.function = function;
  }

  @Override
  public void process(K key, Context context, Iterable<T> elements, Collector<R> out) throws Exception {
    T result = null;
    for (T element : elements) {
      result = result == null ? element : reducer.reduce(result, element);
    }
    if (result != null) {
      function.process(key, InnerContexts.forward(function, context), List.of(result), out);
    }
  }

  @Override
  public void clear(Context context) throws Exception {
    function.clear(InnerContexts.forward(function, context));
  }
}
