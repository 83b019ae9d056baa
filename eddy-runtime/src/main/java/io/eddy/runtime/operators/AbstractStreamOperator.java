package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.state.CheckpointedFunction;
import io.eddy.api.state.OperatorStateStore;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.runtime.state.DefaultKeyedStateStore;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.OperatorStateMode;
import io.eddy.state.VoidNamespace;
import io.eddy.state.heap.HeapOperatorStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the operators: keeps the output and context, tracks the watermark, drives the timer
 * services it created, sets the key context for keyed inputs, and opens/closes the user
 * function with a runtime context. Functions implementing {@link CheckpointedFunction} get
 * their operator state restored before open and snapshotted at checkpoints (states named
 * {@code fn/<name>} after their mode marker); {@link CheckpointListener}s hear of completed checkpoints.
 *
 * <p>A keyed operator whose context asks for the asynchronous execution model gets an {@link
 * AsyncStateSupport} ({@link #async}): its timers then fire through it, watermarks take effect in
 * epoch order, snapshots and the end of input drain it, and its user function sees V2 state.
 * The operator routes its records through {@link #processKeyed} and names what to prefetch.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator, AsyncStateSupport.TimerHooks {
  protected final Output<OUT> output;
  protected final OperatorContext context;
  protected final KeyedStateBackend<Object> keyedBackend;
  /** The asynchronous execution model of this operator; null when it runs synchronously. */
  protected final AsyncStateSupport async;
  private final List<InternalTimerService<Object, ?>> timerServices = new ArrayList<>();
  protected long currentWatermark = Long.MIN_VALUE;
  /** The last watermark advanced to: ahead of {@link #currentWatermark} while its epoch drains (asynchronous model). */
  private long watermarkReceived = Long.MIN_VALUE;
  private KeyedStateStore keyedStateStore;
  private HeapOperatorStateStore functionState;
  private static final String FUNCTION_STATE_PREFIX = "fn/";

  protected AbstractStreamOperator(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
    this.keyedBackend = context.keyedStateBackend();
    this.async = context.asyncStateEnabled() && keyedBackend != null
        ? new AsyncStateSupport(context.name(), keyedBackend, context.mailbox(), context.asyncStateSettings(),
            context.metricGroup()) : null;
  }

  @Override
  public String name() {
    return context.name();
  }

  /** The function this operator runs, opened and closed with the operator; null if none. */
  protected abstract Object userFunction();

  @Override
  public void open() throws Exception {
    if (userFunction() instanceof CheckpointedFunction checkpointed) {
      functionState = new HeapOperatorStateStore();
      Map<String, List<Object>> restored = new HashMap<>();
      if (context.restoredLists() != null) {
        context.restoredLists().forEach((name, values) -> {
          if (OperatorStateMode.hasPrefix(name, FUNCTION_STATE_PREFIX)) {
            restored.put(OperatorStateMode.withoutPrefix(name, FUNCTION_STATE_PREFIX), values);
          }
        });
      }
      functionState.restore(restored);
      boolean isRestored = context.isRestored();
      HeapOperatorStateStore store = functionState;
      checkpointed.initializeState(new CheckpointedFunction.FunctionInitializationContext() {
        @Override public boolean isRestored() { return isRestored; }
        @Override public OperatorStateStore getOperatorStateStore() { return store; }
      });
    }
    if (userFunction() instanceof RichFunction rich) {
      rich.setRuntimeContext(runtimeContext());
      rich.open(new OpenContext() {});
    }
  }

  @Override
  public void finish() throws Exception {
    if (async != null) {
      async.drain();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (async != null) {
        async.close();
      }
    } finally {
      if (userFunction() instanceof RichFunction rich) {
        rich.close();
      }
    }
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    if (async != null) {
      async.drain(); // the task snapshots keyed state next: no request may be in flight
    }
    if (!(userFunction() instanceof CheckpointedFunction checkpointed)) {
      return Map.of();
    }
    checkpointed.snapshotState(checkpointId);
    Map<String, List<Object>> lists = new HashMap<>();
    functionState.entries().forEach((name, values) ->
        lists.put(OperatorStateMode.withPrefix(name, FUNCTION_STATE_PREFIX), values));
    return lists;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (userFunction() instanceof CheckpointListener listener) {
      listener.notifyCheckpointComplete(checkpointId);
    }
  }

  protected RuntimeContext runtimeContext() {
    TaskInfo info = context.taskInfo();
    KeyedStateStore store = keyedStateStore();
    if (async != null) {
      return async.runtimeContext(context, store, context.processingTimeService()::now);
    }
    return new RuntimeContext() {
      @Override public TaskInfo getTaskInfo() { return info; }
      @Override public io.eddy.api.metrics.OperatorMetricGroup getMetricGroup() { return context.metricGroup(); }
      @Override public Map<String, String> getGlobalJobParameters() { return context.globalJobParameters(); }
      @Override public <T> ValueState<T> getState(ValueStateDescriptor<T> d) { return keyed(store).getState(d); }
      @Override public <T> ListState<T> getListState(ListStateDescriptor<T> d) { return keyed(store).getListState(d); }
      @Override public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) { return keyed(store).getMapState(d); }
      @Override public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return keyed(store).getReducingState(d);
      }
      @Override public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
        return keyed(store).getAggregatingState(d);
      }
    };
  }

  private KeyedStateStore keyed(KeyedStateStore store) {
    if (store == null) {
      throw new UnsupportedOperationException(
          "Keyed state is only available on a keyed stream: use keyBy() before '" + name() + "'");
    }
    return store;
  }

  /** State in the void namespace for the current key; null on non-keyed operators. */
  protected KeyedStateStore keyedStateStore() {
    if (keyedStateStore == null && keyedBackend != null) {
      keyedStateStore = new DefaultKeyedStateStore<>(keyedBackend, VoidNamespace.SERIALIZER,
          () -> VoidNamespace.INSTANCE, context.processingTimeService()::now);
    }
    return keyedStateStore;
  }

  protected <N> InternalTimerService<Object, N> timerService(
      String name, TypeSerializer<N> namespaceSerializer, Triggerable<Object, N> target) {
    return timerService(name, namespaceSerializer, target, this);
  }

  /** A timer service whose timers, in the asynchronous model, prefetch and restore their context with {@code hooks}. */
  @SuppressWarnings("unchecked")
  protected <N> InternalTimerService<Object, N> timerService(String name, TypeSerializer<N> namespaceSerializer,
      Triggerable<Object, N> target, AsyncStateSupport.TimerHooks hooks) {
    if (keyedBackend == null) {
      throw new UnsupportedOperationException("Timers are only available on a keyed stream: use keyBy() before '"
          + name() + "'");
    }
    InternalTimerService<Object, N> service = new InternalTimerService<>(name, keyedBackend,
        context.processingTimeService(), async == null ? target : async.timers(target, hooks), namespaceSerializer);
    timerServices.add((InternalTimerService<Object, ?>) (InternalTimerService<Object, ?>) service);
    return service;
  }

  /** Sets the backend's current key from a record, when this input is keyed. */
  protected final <T> void setKeyContext(KeySelector<T, ?> keySelector, T record) throws Exception {
    if (keySelector != null) {
      keyedBackend.setCurrentKey(keySelector.getKey(record));
    }
  }

  /**
   * Runs {@code work} for a record of {@code key}: at once in the key's context, or in the
   * asynchronous model through the controller after the reads {@code prefetch} issues (see {@link
   * AsyncStateSupport}). {@code onEnter} (may be null) sets what the operator keeps per record
   * besides the key, before the work and before each of its state callbacks.
   */
  protected final void processKeyed(Object key, Runnable onEnter, AsyncStateSupport.Work prefetch,
      AsyncStateSupport.Work work) throws Exception {
    processKeyed(0, key, onEnter, prefetch, work);
  }

  /**
   * As {@link #processKeyed(Object, Runnable, AsyncStateSupport.Work, AsyncStateSupport.Work)} for a
   * record of input {@code input} (0 or 1): the records of one input learn their reads together.
   */
  protected final void processKeyed(int input, Object key, Runnable onEnter, AsyncStateSupport.Work prefetch,
      AsyncStateSupport.Work work) throws Exception {
    if (async == null) {
      keyedBackend.setCurrentKey(key);
      if (onEnter != null) {
        onEnter.run();
      }
      work.run();
    } else {
      async.processRecord(input, key, onEnter, prefetch, work);
    }
  }

  /** Asynchronous model: the reads a timer's firing will make ({@link AsyncStateSupport#prefetch}); none here. */
  @Override
  public void prefetchTimer(io.eddy.state.timers.Timer<Object, ?> timer) throws Exception {}

  /** Asynchronous model: nothing to restore per timer besides the key. */
  @Override
  public Runnable timerContext(io.eddy.state.timers.Timer<Object, ?> timer, boolean eventTime) {
    return null;
  }

  /**
   * Advances event time: fires due timers, then forwards the watermark. In the asynchronous model
   * both happen in epoch order, once the records before the watermark are finished (maybe after
   * this returns); records after it run after that.
   */
  protected void advanceWatermark(long watermark) throws Exception {
    watermarkReceived = watermark;
    if (async != null) {
      async.processNonRecord(() -> fireEventTimers(watermark), () -> output.emitWatermark(watermark));
      return;
    }
    fireEventTimers(watermark);
    output.emitWatermark(watermark);
  }

  /** The last watermark given to {@link #advanceWatermark}, whose effect may still be pending. */
  protected final long watermarkReceived() {
    return watermarkReceived;
  }

  /** Forwards an idleness change, in the asynchronous model after the watermarks before it. */
  protected final void forwardIdle(boolean idle) throws Exception {
    if (async != null) {
      async.processNonRecord(null, () -> output.emitIdle(idle));
    } else {
      output.emitIdle(idle);
    }
  }

  private void fireEventTimers(long watermark) throws Exception {
    currentWatermark = watermark;
    for (InternalTimerService<Object, ?> service : timerServices) {
      service.advanceWatermark(watermark);
    }
  }

  protected void countLateRecordDropped() {
    context.metrics().increment(name() + ".numLateRecordsDropped");
  }

  /** A record too late for every window: to the late side output if there is one, else counted and dropped. */
  protected <T> void sideOutputOrDropLate(OutputTag<T> lateDataTag, T record, long timestamp) {
    if (lateDataTag != null) {
      output.collect(lateDataTag, record, timestamp);
    } else {
      countLateRecordDropped();
    }
  }
}
