package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.windowing.Window;

/**
 * Evaluates a window when its trigger fires: sees all the window's elements (or the single
 * pre-aggregated value when used after reduce/aggregate), the window, and per-window and
 * per-key state.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** Called when the window is purged; clear per-window state here. */
  public void clear(Context context) throws Exception {}

  /** What the function knows while it evaluates a window. */
  public abstract class Context {
    public abstract W window();

    public abstract long currentProcessingTime();

    public abstract long currentWatermark();

    /** State scoped to this key and this window. */
    public abstract KeyedStateStore windowState();

    /** State scoped to this key, across windows. */
    public abstract KeyedStateStore globalState();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
