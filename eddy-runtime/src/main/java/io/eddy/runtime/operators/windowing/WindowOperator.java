package io.eddy.runtime.operators.windowing;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.State;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.api.windowing.EventTimeTrigger;
import io.eddy.api.windowing.MergingWindowAssigner;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.TriggerResult;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.InternalKvState;
import io.eddy.state.ttl.TtlStates;
import io.eddy.state.timers.Timer;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.TimestampedValue;
import io.eddy.state.InternalMergingState;
import io.eddy.state.VoidNamespace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyed windows: assigns each element to windows, keeps their contents in keyed state
 * (namespaced by window), asks the trigger when to evaluate, and clears a window once it can
 * receive no more elements (its end plus the allowed lateness has passed). Elements too late
 * for every window go to the late side output, or are dropped and counted. Results carry the
 * window's max timestamp.
 *
 * <p>With an evictor (Flink's EvictingWindowOperator), a window keeps every element with its
 * timestamp; on firing, the evictor may remove elements before the function sees them and
 * after, and what it removed is gone from the window's state. Trigger state
 * ({@code getPartitionedState}) is keyed state namespaced by the window, so it is checkpointed,
 * restored and rescaled with the window contents.
 *
 * <p>In the asynchronous execution model ({@link io.eddy.runtime.operators.AsyncStateSupport}) an
 * element first prefetches what it will read: the key's merging window set (session windows), or
 * the reduced value or accumulator of each of its windows (element lists are appended without a
 * read); a firing timer prefetches its window's contents. The processing is the same.
 */
public final class WindowOperator<K, IN, OUT, W extends Window> extends AbstractOneInputOperator<IN, OUT>
    implements Triggerable<Object, W> {
  private final WindowAssigner<IN, W> assigner;
  private final Trigger<IN, W> trigger;
  private final long allowedLateness;
  private final OutputTag<IN> lateDataTag;
  private final OperatorSpec.WindowSpec spec;
  private final ProcessWindowFunction<Object, OUT, K, W> windowFunction;
  /** The event-time trigger's timer is at the cleanup time when there is no lateness: no second timer then. */
  private final boolean cleanupByTriggerTimer;
  private final Evictor<Object, W> evictor;
  private final TypeSerializer<W> windowSerializer = TypeSerializers.generic();
  private WindowContentsState<W> contents;
  private ListState<Tuple2<W, W>> mergingSetState;
  /** The same state as {@link #mergingSetState}, for prefetching. */
  private InternalKvState<VoidNamespace> mergingSetInternal;
  private InternalTimerService<Object, W> timers;
  private WindowTriggerContext triggerContext;
  private WindowFunctionContext<K, OUT, W> functionContext;
  private final WindowAssigner.Context assignerContext;

  @SuppressWarnings("unchecked")
  public WindowOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      OperatorSpec.WindowSpec spec) {
    super(context, output, keySelector);
    this.spec = spec;
    this.assigner = (WindowAssigner<IN, W>) spec.assigner();
    this.trigger = (Trigger<IN, W>) spec.trigger();
    this.allowedLateness = spec.allowedLatenessMillis();
    this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
    this.windowFunction = (ProcessWindowFunction<Object, OUT, K, W>) spec.windowFunction();
    this.evictor = (Evictor<Object, W>) spec.evictor();
    this.assignerContext = context.processingTimeService()::now;
    this.cleanupByTriggerTimer = trigger == EventTimeTrigger.create() && allowedLateness == 0 && assigner.isEventTime();
  }

  @Override
  protected Object userFunction() {
    return windowFunction;
  }

  @Override
  public void open() throws Exception {
    if (keyedBackend == null) {
      throw new IllegalStateException("Windows need a keyed stream");
    }
    contents = new WindowContentsState<>(keyedBackend, windowSerializer, spec.contents(), evictor != null);
    if (assigner instanceof MergingWindowAssigner) {
      ListStateDescriptor<Tuple2<W, W>> descriptor =
          new ListStateDescriptor<>("merging-window-set", TypeSerializers.generic());
      mergingSetState = keyedStateStore().getListState(descriptor);
      mergingSetInternal = keyedBackend.createListState(VoidNamespace.SERIALIZER, descriptor);
    }
    timers = timerService("window-timers", windowSerializer, this);
    triggerContext = new WindowTriggerContext();
    functionContext = new WindowFunctionContext<>(windowFunction, keyedBackend, windowSerializer, timers,
        context.processingTimeService()::now, keyedStateStore(), output);
    super.open();
  }

  private boolean isEventTime() {
    return assigner.isEventTime();
  }

  private long cleanupTime(W window) {
    if (!isEventTime()) {
      return window.maxTimestamp();
    }
    long time = window.maxTimestamp() + allowedLateness;
    return time >= window.maxTimestamp() ? time : Long.MAX_VALUE;
  }

  private boolean isWindowLate(W window) {
    return isEventTime() && cleanupTime(window) <= currentWatermark;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(IN value, long timestamp) throws Exception {
    processKeyed(keySelector.getKey(value), null, () -> prefetchElement(value, timestamp),
        () -> processInKeyContext(value, timestamp));
  }

  private void prefetchElement(IN value, long timestamp) {
    if (mergingSetInternal != null) {
      async.prefetch(mergingSetInternal, VoidNamespace.INSTANCE);
    } else if (contents.readsOnAdd()) {
      for (W window : assigner.assignWindows(value, timestamp, assignerContext)) {
        if (!isWindowLate(window)) {
          async.prefetch(contents.state(), window);
        }
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void prefetchTimer(Timer<Object, ?> timer) {
    if (mergingSetInternal != null) {
      async.prefetch(mergingSetInternal, VoidNamespace.INSTANCE);
    } else {
      async.prefetch(contents.state(), ((Timer<Object, W>) timer).namespace());
    }
  }

  @SuppressWarnings("unchecked")
  private void processInKeyContext(IN value, long timestamp) throws Exception {
    Collection<W> elementWindows = assigner.assignWindows(value, timestamp, assignerContext);
    boolean skipped = true;
    MergingWindowSet<W> mergingWindows = mergingWindowSet();
    for (W window : elementWindows) {
      W actualWindow = window;
      W stateWindow = window;
      if (mergingWindows != null) {
        actualWindow = mergingWindows.addWindow(window, this::mergeWindows);
        if (isWindowLate(actualWindow)) {
          mergingWindows.retireWindow(actualWindow);
          continue;
        }
        stateWindow = mergingWindows.getStateWindow(actualWindow);
      } else if (isWindowLate(window)) {
        continue;
      }
      skipped = false;
      contents.setWindow(stateWindow);
      contents.add(value, timestamp);
      triggerContext.window = actualWindow;
      TriggerResult result = trigger.onElement(value, timestamp, actualWindow, triggerContext);
      applyTrigger(result, actualWindow);
      registerCleanupTimer(actualWindow);
    }
    if (mergingWindows != null) {
      mergingWindows.persist();
    }
    if (skipped && isEventTime() && timestamp + allowedLateness <= currentWatermark) {
      sideOutputOrDropLate(lateDataTag, value, timestamp);
    }
  }

  private void mergeWindows(W mergeResult, Collection<W> mergedWindows, W stateWindowResult,
      Collection<W> mergedStateWindows) throws Exception {
    triggerContext.window = mergeResult;
    triggerContext.mergedWindows = mergedWindows;
    trigger.onMerge(mergeResult, triggerContext);
    triggerContext.mergedWindows = null;
    for (W merged : mergedWindows) {
      triggerContext.window = merged;
      trigger.clear(merged, triggerContext);
      deleteCleanupTimer(merged);
    }
    contents.merge(stateWindowResult, mergedStateWindows);
  }

  private MergingWindowSet<W> mergingWindowSet() throws Exception {
    return mergingSetState == null ? null
        : new MergingWindowSet<>((MergingWindowAssigner<?, W>) assigner, mergingSetState);
  }

  /** Fires and/or purges the window whose contents are selected in {@link #contents}. */
  private void applyTrigger(TriggerResult result, W window) throws Exception {
    if (result.isFire()) {
      Iterable<Object> elements = contents.contents();
      if (elements != null) {
        if (evictor == null) {
          functionContext.process(window, elements);
        } else {
          evictAndProcess(window, elements);
        }
      }
    }
    if (result.isPurge()) {
      contents.clear();
    }
  }

  /** Evicts before, evaluates the rest, evicts after, and keeps what remains as the window's contents. */
  @SuppressWarnings("unchecked")
  private void evictAndProcess(W window, Iterable<Object> stored) throws Exception {
    List<TimestampedValue<Object>> elements = new ArrayList<>();
    for (Object element : stored) {
      elements.add((TimestampedValue<Object>) element);
    }
    evictor.evictBefore(elements, elements.size(), window, evictorContext);
    List<Object> values = new ArrayList<>(elements.size());
    for (TimestampedValue<Object> element : elements) {
      values.add(element.getValue());
    }
    functionContext.process(window, values);
    evictor.evictAfter(elements, elements.size(), window, evictorContext);
    contents.replaceTimestamped(elements);
  }

  @Override
  public void onEventTime(Timer<Object, W> timer) throws Exception {
    onTimer(timer, true);
  }

  @Override
  public void onProcessingTime(Timer<Object, W> timer) throws Exception {
    onTimer(timer, false);
  }

  private void onTimer(Timer<Object, W> timer, boolean eventTime) throws Exception {
    W window = timer.namespace();
    triggerContext.window = window;
    MergingWindowSet<W> mergingWindows = mergingWindowSet();
    if (mergingWindows != null) {
      W stateWindow = mergingWindows.getStateWindow(window);
      if (stateWindow == null) {
        return; // merged into another window since; nothing to do
      }
      contents.setWindow(stateWindow);
    } else {
      contents.setWindow(window);
    }
    TriggerResult result = eventTime
        ? trigger.onEventTime(timer.timestamp(), window, triggerContext)
        : trigger.onProcessingTime(timer.timestamp(), window, triggerContext);
    applyTrigger(result, window);
    if (eventTime == isEventTime() && timer.timestamp() == cleanupTime(window)) {
      contents.clear();
      trigger.clear(window, triggerContext);
      functionContext.clear(window);
      if (mergingWindows != null) {
        mergingWindows.retireWindow(window);
      }
    }
    if (mergingWindows != null) {
      mergingWindows.persist();
    }
  }

  private void registerCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE || cleanupByTriggerTimer) {
      return;
    }
    if (isEventTime()) {
      timers.registerEventTimeTimer(window, time);
    } else {
      timers.registerProcessingTimeTimer(window, time);
    }
  }

  private void deleteCleanupTimer(W window) {
    long time = cleanupTime(window);
    if (time == Long.MAX_VALUE || cleanupByTriggerTimer) {
      return;
    }
    if (isEventTime()) {
      timers.deleteEventTimeTimer(window, time);
    } else {
      timers.deleteProcessingTimeTimer(window, time);
    }
  }

  /** Timers and state of the (key, window) the trigger is asked about. */
  private final class WindowTriggerContext implements Trigger.OnMergeContext {
    private final Map<String, InternalKvState<W>> states = new HashMap<>();
    private W window;
    /** The windows being merged into {@link #window}, during onMerge only. */
    private Collection<W> mergedWindows;

    @Override public long getCurrentProcessingTime() { return timers.currentProcessingTime(); }
    @Override public long getCurrentWatermark() { return currentWatermark; }
    @Override public void registerProcessingTimeTimer(long time) { timers.registerProcessingTimeTimer(window, time); }
    @Override public void registerEventTimeTimer(long time) { timers.registerEventTimeTimer(window, time); }
    @Override public void deleteProcessingTimeTimer(long time) { timers.deleteProcessingTimeTimer(window, time); }
    @Override public void deleteEventTimeTimer(long time) { timers.deleteEventTimeTimer(window, time); }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getPartitionedState(StateDescriptor<?> descriptor) {
      InternalKvState<W> state = state(descriptor);
      state.setCurrentNamespace(window);
      return (S) state;
    }

    @Override
    public void mergePartitionedState(StateDescriptor<?> descriptor) throws Exception {
      if (mergedWindows == null) {
        throw new IllegalStateException("mergePartitionedState is only available in Trigger.onMerge");
      }
      if (!(state(descriptor) instanceof InternalMergingState<W> merging)) {
        throw new UnsupportedOperationException("Trigger state " + descriptor
            + " cannot be merged: use a reducing, aggregating or list state");
      }
      if (!mergedWindows.isEmpty()) {
        merging.mergeNamespaces(window, mergedWindows);
      }
    }

    private InternalKvState<W> state(StateDescriptor<?> descriptor) {
      InternalKvState<W> state = states.get(descriptor.getName());
      if (state == null) {
        state = TtlStates.create(keyedBackend, windowSerializer, descriptor, context.processingTimeService()::now);
        states.put(descriptor.getName(), state);
      }
      return state;
    }
  }

  /** What the evictor may ask: the time in both domains. */
  private final Evictor.EvictorContext evictorContext = new Evictor.EvictorContext() {
    @Override public long getCurrentProcessingTime() { return timers.currentProcessingTime(); }
    @Override public long getCurrentWatermark() { return currentWatermark; }
  };
}
