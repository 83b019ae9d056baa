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
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator {
  protected final Output<OUT> output;
  protected final OperatorContext context;
  protected final KeyedStateBackend<Object> keyedBackend;
  private final List<InternalTimerService<Object, ?>> timerServices = new ArrayList<>();
  protected long currentWatermark = Long.MIN_VALUE;
  private KeyedStateStore keyedStateStore;
  private HeapOperatorStateStore functionState;
  private static final String FUNCTION_STATE_PREFIX = "fn/";

  protected AbstractStreamOperator(OperatorContext context, Output<OUT> output) {
    this.context = context;
    this.output = output;
    this.keyedBackend = context.keyedStateBackend();
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
  public void close() throws Exception {
    if (userFunction() instanceof RichFunction rich) {
      rich.close();
    }
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
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

  @SuppressWarnings("unchecked")
  protected <N> InternalTimerService<Object, N> timerService(
      String name, TypeSerializer<N> namespaceSerializer, Triggerable<Object, N> target) {
    if (keyedBackend == null) {
      throw new UnsupportedOperationException("Timers are only available on a keyed stream: use keyBy() before '"
          + name() + "'");
    }
    InternalTimerService<Object, N> service = new InternalTimerService<>(
        name, keyedBackend, context.processingTimeService(), target, namespaceSerializer);
    timerServices.add((InternalTimerService<Object, ?>) (InternalTimerService<Object, ?>) service);
    return service;
  }

  /** Sets the backend's current key from a record, when this input is keyed. */
  protected final <T> void setKeyContext(KeySelector<T, ?> keySelector, T record) throws Exception {
    if (keySelector != null) {
      keyedBackend.setCurrentKey(keySelector.getKey(record));
    }
  }

  /** Advances event time: fires due timers, then forwards the watermark. */
  protected void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    for (InternalTimerService<Object, ?> service : timerServices) {
      service.advanceWatermark(watermark);
    }
    output.emitWatermark(watermark);
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
