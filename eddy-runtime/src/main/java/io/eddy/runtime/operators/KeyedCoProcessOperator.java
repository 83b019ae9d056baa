package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;

/**
 * Runs a {@link KeyedCoProcessFunction}: both inputs share keyed state and timers per key. In the
 * asynchronous execution model it runs as {@link KeyedProcessOperator} does there.
 */
final class KeyedCoProcessOperator<K, IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
  private final KeyedFunctionScope<OUT> scope;
  private KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context elementContext;
  private KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext onTimerContext;

  KeyedCoProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
    super(context, output, keySelector1, keySelector2);
    this.function = function;
    this.scope = new KeyedFunctionScope<>(output, keyedBackend, async,
        time -> function.onTimer(time, onTimerContext, scope().collector));
  }

  private KeyedFunctionScope<OUT> scope() {
    return scope;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open() throws Exception {
    scope.setTimerService(timerService("user-timers", VoidNamespace.SERIALIZER, scope, scope));
    elementContext = function.new Context() {
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
    };
    onTimerContext = function.new OnTimerContext() {
      @Override public TimeDomain timeDomain() { return scope.firingDomain(); }
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
    };
    super.open();
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    processKeyed(keySelector1.getKey(value), () -> scope.startRecord(timestamp), scope::prefetchFunctionState,
        () -> function.processElement1(value, elementContext, scope.collector));
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    processKeyed(1, keySelector2.getKey(value), () -> scope.startRecord(timestamp), scope::prefetchFunctionState,
        () -> function.processElement2(value, elementContext, scope.collector));
  }
}
