package io.eddy.api.functions;

import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.KeyedStateFunction;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.State;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.time.TimerService;

/**
 * Processes a keyed stream connected with a broadcast stream. {@link #processElement} runs for
 * the keyed side with the record's key set: keyed state, timers and read-only broadcast state.
 * {@link #processBroadcastElement} runs for every broadcast element on every subtask, with no
 * current key: writable broadcast state, and {@link Context#applyToKeyedState} to visit the
 * keyed state of all keys this subtask holds. Timers fire in {@link #onTimer}.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

  /** The broadcast side's context. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {
    /**
     * Calls {@code function} for every key that has a value in the keyed state of {@code
     * stateDescriptor} on this subtask, with that key's state (changes to it are kept). One
     * overload per kind of state, so that the function's state parameter has the right type.
     */
    public <T> void applyToKeyedState(ValueStateDescriptor<T> stateDescriptor,
        KeyedStateFunction<KS, ValueState<T>> function) throws Exception {
      applyToKeyedStateOf(stateDescriptor, function);
    }

    public <T> void applyToKeyedState(ListStateDescriptor<T> stateDescriptor,
        KeyedStateFunction<KS, ListState<T>> function) throws Exception {
      applyToKeyedStateOf(stateDescriptor, function);
    }

    public <UK, UV> void applyToKeyedState(MapStateDescriptor<UK, UV> stateDescriptor,
        KeyedStateFunction<KS, MapState<UK, UV>> function) throws Exception {
      applyToKeyedStateOf(stateDescriptor, function);
    }

    public <T> void applyToKeyedState(ReducingStateDescriptor<T> stateDescriptor,
        KeyedStateFunction<KS, ReducingState<T>> function) throws Exception {
      applyToKeyedStateOf(stateDescriptor, function);
    }

    public <I, A, O> void applyToKeyedState(AggregatingStateDescriptor<I, A, O> stateDescriptor,
        KeyedStateFunction<KS, AggregatingState<I, O>> function) throws Exception {
      applyToKeyedStateOf(stateDescriptor, function);
    }

    /** The runtime's part: {@code function} takes the state that {@code stateDescriptor} gives. */
    protected abstract <S extends State> void applyToKeyedStateOf(
        StateDescriptor<?> stateDescriptor, KeyedStateFunction<KS, S> function) throws Exception;
  }

  /** The keyed side's context. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
    public abstract TimerService timerService();

    public abstract KS getCurrentKey();
  }

  /** The context of a firing timer. */
  public abstract class OnTimerContext extends ReadOnlyContext {
    public abstract TimeDomain timeDomain();
  }
}
