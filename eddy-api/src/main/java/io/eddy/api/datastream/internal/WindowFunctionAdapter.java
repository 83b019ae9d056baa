package io.eddy.api.datastream.internal;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.WindowFunction;
import io.eddy.api.windowing.Window;

/** Runs a simple {@link WindowFunction} where the runtime expects a ProcessWindowFunction. */
public final class WindowFunctionAdapter<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {
  private final WindowFunction<IN, OUT, K, W> function;

  public WindowFunctionAdapter(WindowFunction<IN, OUT, K, W> function) {
    this.function = function;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    if (function instanceof RichFunction rich) {
      rich.setRuntimeContext(context);
    }
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    if (function instanceof RichFunction rich) {
      rich.open(openContext);
    }
  }

  @Override
  public void close() throws Exception {
    if (function instanceof RichFunction rich) {
      rich.close();
    }
  }

  @Override
  public void process(K key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    function.apply(key, context.window(), elements, out);
  }
}
