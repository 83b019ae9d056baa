package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.windowing.Window;

/**
 * Evaluates a window of a non-keyed stream ({@code windowAll}) when its trigger fires: sees all
 * the window's elements (or the one pre-aggregated value after reduce/aggregate), the window,
 * state of this window and state across windows, and side outputs.
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

  public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

  /** Called when the window is purged; clear per-window state here. */
  public void clear(Context context) throws Exception {}

  /** What the function knows while it evaluates a window. */
  public abstract class Context {
    public abstract W window();

    /** State scoped to this window. */
    public abstract KeyedStateStore windowState();

    /** State across all windows of the stream. */
    public abstract KeyedStateStore globalState();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
