package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;

/** Runs a {@link KeyedProcessFunction}: keyed state and timers of the current key. */
final class KeyedProcessOperator<K, IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final KeyedProcessFunction<K, IN, OUT> function;
  private final KeyedFunctionScope<OUT> scope;
  private KeyedProcessFunction<K, IN, OUT>.Context elementContext;
  private KeyedProcessFunction<K, IN, OUT>.OnTimerContext onTimerContext;

  KeyedProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      KeyedProcessFunction<K, IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
    this.scope = new KeyedFunctionScope<>(output, keyedBackend,
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
    scope.setTimerService(timerService("user-timers", VoidNamespace.SERIALIZER, scope));
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
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    scope.startRecord(timestamp);
    function.processElement(value, elementContext, scope.collector);
  }
}
