package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;

/** Runs a {@link KeyedCoProcessFunction}: both inputs share keyed state and timers per key. */
final class KeyedCoProcessOperator<K, IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT>
    implements Triggerable<Object, VoidNamespace> {
  private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
  private final TimestampedCollector<OUT> collector;
  private TimerService timerService;
  private KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context elementContext;
  private OnTimer onTimerContext;
  private long currentTimestamp;

  KeyedCoProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(context, output, keySelector1, keySelector2);
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
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement1(value, elementContext, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setKeyContext(keySelector2, value);
    currentTimestamp = timestamp;
    collector.setTimestamp(timestamp);
    function.processElement2(value, elementContext, collector);
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
  private final class OnTimer extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
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
