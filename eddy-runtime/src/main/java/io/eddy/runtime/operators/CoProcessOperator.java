package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.time.TimerService;

/** Runs a {@link CoProcessFunction} over two non-keyed inputs. */
final class CoProcessOperator<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final CoProcessFunction<IN1, IN2, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private final CoProcessFunction<IN1, IN2, OUT>.Context ctx;
  private long currentTimestamp;

  CoProcessOperator(OperatorContext context, Output<OUT> output, CoProcessFunction<IN1, IN2, OUT> function) {
    super(context, output, null, null);
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
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement1(value, ctx, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement2(value, ctx, collector);
  }
}
