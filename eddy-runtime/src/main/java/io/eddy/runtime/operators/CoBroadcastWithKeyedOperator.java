package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.BroadcastState;
import io.eddy.api.state.KeyedStateFunction;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReadOnlyBroadcastState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.State;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;
import io.eddy.state.VoidNamespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is keyed (keyed state, timers, read-only
 * broadcast state), input 2 the broadcast stream (writable broadcast state, no current key,
 * {@code applyToKeyedState} over every key of this subtask). Timers fire into {@code onTimer}.
 */
final class CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function;
  private final KeyedFunctionScope<OUT> scope;
  private final BroadcastStates states;
  private KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.ReadOnlyContext readOnlyContext;
  private KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context broadcastContext;
  private KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext onTimerContext;

  CoBroadcastWithKeyedOperator(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector,
      KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
    super(context, output, keySelector, null);
    this.function = function;
    this.states = new BroadcastStates(context.name(), descriptors, context.restoredLists());
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
    scope.setTimerService(timerService("user-timers", VoidNamespace.SERIALIZER, scope));
    readOnlyContext = function.new ReadOnlyContext() {
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public long currentProcessingTime() { return context.processingTimeService().now(); }
      @Override public long currentWatermark() { return currentWatermark; }
      @Override public <KK, V> ReadOnlyBroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> d) {
        return states.getReadOnly(d);
      }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
    };
    onTimerContext = function.new OnTimerContext() {
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public long currentProcessingTime() { return context.processingTimeService().now(); }
      @Override public long currentWatermark() { return currentWatermark; }
      @Override public <KK, V> ReadOnlyBroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> d) {
        return states.getReadOnly(d);
      }
      @Override public TimerService timerService() { return scope.timerService(); }
      @Override public K getCurrentKey() { return scope.currentKey(); }
      @Override public TimeDomain timeDomain() { return scope.firingDomain(); }
    };
    broadcastContext = function.new Context() {
      @Override public Long timestamp() { return scope.timestamp(); }
      @Override public <X> void output(OutputTag<X> tag, X value) { scope.output(tag, value); }
      @Override public long currentProcessingTime() { return context.processingTimeService().now(); }
      @Override public long currentWatermark() { return currentWatermark; }
      @Override public <KK, V> BroadcastState<KK, V> getBroadcastState(MapStateDescriptor<KK, V> d) {
        return states.get(d);
      }
      @Override protected <S extends State> void applyToKeyedStateOf(
          StateDescriptor<?> d, KeyedStateFunction<K, S> f) throws Exception {
        visitKeyedState(d, f);
      }
    };
    super.open();
  }

  @SuppressWarnings("unchecked")
  private <S extends State> void visitKeyedState(StateDescriptor<?> descriptor, KeyedStateFunction<K, S> f)
      throws Exception {
    KeyedStateStore store = keyedStateStore();
    S state = (S) switch (descriptor) {
      case ValueStateDescriptor<?> d -> store.getState(d);
      case ListStateDescriptor<?> d -> store.getListState(d);
      case MapStateDescriptor<?, ?> d -> store.getMapState(d);
      case ReducingStateDescriptor<?> d -> store.getReducingState(d);
      case AggregatingStateDescriptor<?, ?, ?> d -> store.getAggregatingState(d);
    };
    List<Object> keys;
    try (Stream<Object> stream = keyedBackend.getKeys(descriptor.getName(), VoidNamespace.INSTANCE)) {
      keys = stream.toList();
    }
    Object previous = keyedBackend.getCurrentKey();
    try {
      for (Object key : keys) {
        keyedBackend.setCurrentKey(key);
        f.process((K) key, state);
      }
    } finally {
      if (previous != null) {
        keyedBackend.setCurrentKey(previous);
      }
    }
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    scope.startRecord(timestamp);
    function.processElement(value, readOnlyContext, scope.collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    scope.startRecord(timestamp);
    function.processBroadcastElement(value, broadcastContext, scope.collector);
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    Map<String, List<Object>> lists = new HashMap<>(super.snapshotOperatorState(checkpointId));
    lists.putAll(states.snapshot());
    return lists;
  }
}
