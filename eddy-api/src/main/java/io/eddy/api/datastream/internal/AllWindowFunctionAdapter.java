package io.eddy.api.datastream.internal;

import io.eddy.api.functions.AllWindowFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.windowing.Window;

/** Runs an {@link AllWindowFunction} in the keyed window operator that windowAll is built on. */
public final class AllWindowFunctionAdapter<IN, OUT, W extends Window>
    extends WrappingProcessWindowFunction<IN, OUT, Byte, W> {
  private final AllWindowFunction<IN, OUT, W> function;

  public AllWindowFunctionAdapter(AllWindowFunction<IN, OUT, W> function) {
    super(function);
    this.function = function;
  }

  @Override
  public void process(Byte key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception {
    function.apply(context.window(), elements, out);
  }
}
