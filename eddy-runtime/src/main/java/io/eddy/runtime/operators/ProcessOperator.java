package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.time.TimerService;

/** Runs a {@link ProcessFunction} on a non-keyed (or keyed, without timers) stream. */
final class ProcessOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final ProcessFunction<IN, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private final ProcessFunction<IN, OUT>.Context ctx;
  private long currentTimestamp;

  ProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      ProcessFunction<IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
    TimerService timers = new NonKeyedTimerService(
        context.processingTimeService()::now, () -> currentWatermark, context.name());
    this.ctx = function.new Context() {
      @Override
      public Long timestamp() {
        return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp;
      }

      @Override
      public TimerService timerService() {
        return timers;
      }

      @Override
      public <X> void output(OutputTag<X> tag, X value) {
        output.collect(tag, value, currentTimestamp);
      }
    };
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, ctx, collector);
  }
}
