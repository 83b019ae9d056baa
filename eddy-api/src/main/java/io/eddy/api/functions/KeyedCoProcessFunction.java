package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;

/**
 * Processes two connected streams keyed by the same key type: records of both sides with equal
 * keys see the same keyed state and timers.
 */
public abstract class KeyedCoProcessFunction<K, I1, I2, O> extends AbstractRichFunction {

  public abstract void processElement1(I1 value, Context ctx, Collector<O> out) throws Exception;

  public abstract void processElement2(I2 value, Context ctx, Collector<O> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

  /** Information about the record being processed. */
  public abstract class Context {
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
