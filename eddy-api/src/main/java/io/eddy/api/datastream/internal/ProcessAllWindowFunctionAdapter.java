package io.eddy.api.datastream.internal;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessAllWindowFunction;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.windowing.Window;

/**
 * Runs a {@link ProcessAllWindowFunction} in the keyed window operator that windowAll is built
 * on (one constant key), handing it a context that forwards to the keyed one.
 */
public final class ProcessAllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingProcessWindowFunction<IN, OUT, Byte, W> {
  private final ProcessAllWindowFunction<IN, OUT, W> function;

  public ProcessAllWindowFunctionAdapter(ProcessAllWindowFunction<IN, OUT, W> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    function.process(allWindowContext(context), elements, out);
  }

  @Override
  public void clear(Context context) throws Exception {
    function.clear(allWindowContext(context));
  }

  private ProcessAllWindowFunction<IN, OUT, W>.Context allWindowContext(Context keyed) {
    return function.new Context() {
      @Override public W window() { return keyed.window(); }
      @Override public KeyedStateStore windowState() { return keyed.windowState(); }
      @Override public KeyedStateStore globalState() { return keyed.globalState(); }
      @Override public <X> void output(OutputTag<X> outputTag, X value) { keyed.output(outputTag, value); }
    };
  }
}
