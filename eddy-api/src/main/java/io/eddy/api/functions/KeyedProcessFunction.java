package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;

/**
 * The low-level per-record function on a keyed stream: keyed state (through the runtime context)
 * and event- or processing-time timers, both scoped to the current key.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** Called when a timer registered through {@link Context#timerService()} fires. */
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** Information about the record being processed. */
  public abstract class Context {
    /** The record's timestamp, or null if it has none. */
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);

    public abstract K getCurrentKey();
  }

  /** Information about a firing timer. */
  public abstract class OnTimerContext extends Context {
    public abstract TimeDomain timeDomain();
  }
}
