package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;

/**
 * Runs a {@link KeyedProcessFunction}: keyed state and timers of the current key. In the
 * asynchronous execution model (the stream's {@code enableAsyncState()}, or the job's {@code
 * execution.async-state.enabled}) records and timers go through the operator's {@link
 * AsyncStateSupport}: the function's V2 state is asynchronous, its synchronous state is prefetched
 * before it runs, and its callbacks see the record's timestamp and the timer's domain again.
 */
final class KeyedProcessOperator<K, IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final KeyedProcessFunction<K, IN, OUT> function;
  private final KeyedFunctionScope<OUT> scope;
  private KeyedProcessFunction<K, IN, OUT>.Context elementContext;
  private KeyedProcessFunction<K, IN, OUT>.OnTimerContext onTimerContext;

  KeyedProcessOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      KeyedProcessFunction<K, IN, OUT> function) {
    super(context, output, keySelector);
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
  public void processElement(IN value, long timestamp) throws Exception {
    processKeyed(keySelector.getKey(value), () -> scope.startRecord(timestamp), scope::prefetchFunctionState,
        () -> function.processElement(value, elementContext, scope.collector));
  }
}
