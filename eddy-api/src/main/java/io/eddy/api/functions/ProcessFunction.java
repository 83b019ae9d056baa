package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.time.TimerService;

/**
 * The low-level per-record function on a non-keyed stream: sees each record with its timestamp,
 * may emit to the main output and to side outputs. Timers need a keyed stream (see
 * {@link KeyedProcessFunction}).
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** Information about the record being processed. */
  public abstract class Context {
    /** The record's timestamp, or null if it has none. */
    public abstract Long timestamp();

    public abstract TimerService timerService();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }

  /** Information about a firing timer. */
  public abstract class OnTimerContext extends Context {
    public abstract io.eddy.api.time.TimeDomain timeDomain();
  }
}
