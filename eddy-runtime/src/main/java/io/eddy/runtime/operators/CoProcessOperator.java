package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.time.TimerService;

/** Runs a {@link CoProcessFunction}; on keyed connected streams its runtime context has keyed state. */
final class CoProcessOperator<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final CoProcessFunction<IN1, IN2, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private final CoProcessFunction<IN1, IN2, OUT>.Context ctx;
  private long currentTimestamp;

  CoProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, CoProcessFunction<IN1, IN2, OUT> function) {
    super(context, output, keySelector1, keySelector2);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
    TimerService timers = new NonKeyedTimerService(
        context.processingTimeService()::now, () -> currentWatermark, context.name());
    this.ctx = function.new Context() {
      @Override public Long timestamp() { return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp; }
      @Override public TimerService timerService() { return timers; }
      @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, currentTimestamp); }
    };
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setKeyContext(keySelector2, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement2(value, ctx, collector);
  }
}
