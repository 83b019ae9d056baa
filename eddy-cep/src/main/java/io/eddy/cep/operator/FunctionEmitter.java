package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.runtime.operators.Output;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Hands matches and timeouts to the user's {@link PatternProcessFunction} and is the context it
 * sees. In event time its outputs carry the timestamp of the event that completed the match (of
 * the timeout for timed-out matches); in processing time they carry none, as in Flink.
 */
final class FunctionEmitter<IN, OUT> implements MatchEmitter<IN>, PatternProcessFunction.Context, Collector<OUT> {
  private final PatternProcessFunction<IN, OUT> function;
  private final Output<OUT> output;
  private final boolean processingTime;
  private final LongSupplier clock;
  private final LongConsumer timers;
  private long timestamp;

  FunctionEmitter(PatternProcessFunction<IN, OUT> function, Output<OUT> output, boolean processingTime,
      LongSupplier clock, LongConsumer timers) {
    this.function = function;
    this.output = output;
    this.processingTime = processingTime;
    this.clock = clock;
    this.timers = timers;
  }

  @Override
  public void match(Map<String, List<IN>> match, long timestamp) throws Exception {
    this.timestamp = timestamp;
    function.processMatch(match, this, this);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void timedOut(Map<String, List<IN>> match, long timestamp) throws Exception {
    if (function instanceof TimedOutPartialMatchHandler<?> handler) {
      this.timestamp = timestamp;
      ((TimedOutPartialMatchHandler<IN>) handler).processTimedOutMatch(match, this);
    }
  }

  @Override
  public void registerTimer(long time) {
    timers.accept(time);
  }

  @Override
  public void collect(OUT record) {
    output.collect(record, outputTimestamp());
  }

  @Override
  public <X> void output(OutputTag<X> outputTag, X value) {
    output.collect(outputTag, value, outputTimestamp());
  }

  @Override
  public long timestamp() {
    return timestamp;
  }

  @Override
  public long currentProcessingTime() {
    return clock.getAsLong();
  }

  private long outputTimestamp() {
    return processingTime ? Output.NO_TIMESTAMP : timestamp;
  }
}
