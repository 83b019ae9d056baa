package io.eddy.runtime.operators;

import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
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
import io.eddy.state.VoidNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the operators: keeps the output and context, tracks the watermark, drives the timer
 * services it created, sets the key context for keyed inputs, and opens/closes the user
 * function with a runtime context.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator {
  protected final Output<OUT> output;
  protected final OperatorContext context;
  protected final KeyedStateBackend<Object> keyedBackend;
  private final List<InternalTimerService<Object, ?>> timerServices = new ArrayList<>();
  protected long currentWatermark = Long.MIN_VALUE;
  private KeyedStateStore keyedStateStore;

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

  protected RuntimeContext runtimeContext() {
    TaskInfo info = context.taskInfo();
    KeyedStateStore store = keyedStateStore();
    return new RuntimeContext() {
      @Override public TaskInfo getTaskInfo() { return info; }
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
}
