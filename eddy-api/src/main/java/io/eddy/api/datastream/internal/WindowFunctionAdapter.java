package io.eddy.api.datastream.internal;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.WindowFunction;
import io.eddy.api.windowing.Window;

/** Runs a simple {@link WindowFunction} where the runtime expects a ProcessWindowFunction. */
public final class WindowFunctionAdapter<IN, OUT, K, W extends Window> extends WrappingProcessWindowFunction<IN, OUT, K, W> {
  private final WindowFunction<IN, OUT, K, W> function;

  public WindowFunctionAdapter(WindowFunction<IN, OUT, K, W> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    function.apply(key, context.window(), elements, out);
  }
}
