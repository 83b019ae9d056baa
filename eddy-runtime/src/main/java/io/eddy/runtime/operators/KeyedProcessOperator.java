package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;

/** Runs a {@link KeyedProcessFunction}: keyed state and timers of the current key. */
final class KeyedProcessOperator<K, IN, OUT> extends AbstractOneInputOperator<IN, OUT>
    implements Triggerable<Object, VoidNamespace> {
  private final KeyedProcessFunction<K, IN, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private TimerService timerService;
  private KeyedProcessFunction<K, IN, OUT>.Context elementContext;
  private OnTimer onTimerContext;
  private long currentTimestamp;

  KeyedProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      KeyedProcessFunction<K, IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open() throws Exception {
    timerService = new KeyedTimerService(timerService("user-timers", VoidNamespace.SERIALIZER, this));
    elementContext = function.new Context() {
      @Override public Long timestamp() { return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp; }
      @Override public TimerService timerService() { return timerService; }
      @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, currentTimestamp); }
      @Override @SuppressWarnings("unchecked") public K getCurrentKey() { return (K) keyedBackend.getCurrentKey(); }
    };
    onTimerContext = new OnTimer();
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement(value, elementContext, collector);
  }

  @Override
  public void onEventTime(Timer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.timestamp(), timer.timestamp(), TimeDomain.EVENT_TIME);
  }

  @Override
  public void onProcessingTime(Timer<Object, VoidNamespace> timer) throws Exception {
    fire(timer.timestamp(), Output.NO_TIMESTAMP, TimeDomain.PROCESSING_TIME);
  }

  private void fire(long time, long outputTimestamp, TimeDomain domain) throws Exception {
    currentTimestamp = outputTimestamp;
    collector.setTimestamp(outputTimestamp);
    onTimerContext.domain = domain;
    function.onTimer(time, onTimerContext, collector);
  }

  /** The context of a firing timer. */
  private final class OnTimer extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
    private TimeDomain domain;

    OnTimer() {
      function.super();
    }

    @Override public TimeDomain timeDomain() { return domain; }
    @Override public Long timestamp() { return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp; }
    @Override public TimerService timerService() { return timerService; }
    @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, currentTimestamp); }
    @Override @SuppressWarnings("unchecked") public K getCurrentKey() { return (K) keyedBackend.getCurrentKey(); }
  }
}
