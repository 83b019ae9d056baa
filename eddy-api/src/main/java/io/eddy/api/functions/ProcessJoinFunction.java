package io.eddy.api.functions;

import io.eddy.api.datastream.OutputTag;

/** Receives each pair of records matched by an interval join. */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {

  public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out)
      throws Exception;

  /** The timestamps of the pair; the output carries the larger of the two. */
  public abstract class Context {
    public abstract long getLeftTimestamp();

    public abstract long getRightTimestamp();

    public abstract long getTimestamp();

    public abstract <X> void output(OutputTag<X> outputTag, X value);
  }
}
