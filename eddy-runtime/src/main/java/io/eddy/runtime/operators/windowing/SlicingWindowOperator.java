package io.eddy.runtime.operators.windowing;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.WindowContents;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.api.windowing.EventTimeTrigger;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.timers.Timer;
import java.util.List;

/**
 * Sliding event-time windows of size k * slide, aggregated through slices: time is cut into
 * slices one slide long, and an element is folded into the accumulator of its slice only (one
 * state update instead of k); the first element of a slice for its key registers the timers of
 * the slice's k windows. When a window ends, the accumulators of its k slices are merged into a
 * fresh accumulator for the window function, and the window's oldest slice, which no later window
 * contains, is cleared.
 *
 * <p>For the specs {@link #supports} accepts (the default event-time trigger, no allowed
 * lateness, no evictor, an aggregate function) the results are those of {@link WindowOperator}: a window
 * fires once, when the watermark passes its max timestamp, and holds the elements that arrived
 * before; an element too late for every window of its slice goes to the late side output or is
 * dropped. REQUIRES of the aggregate function: {@code merge(a, b)} folds b into a without
 * changing b, and merging slices equals adding their elements to one accumulator.
 *
 * <p>In the asynchronous execution model an element prefetches its slice's accumulator and a
 * firing window the accumulators of its slices; the processing is the same.
 *
 * <p>State: the slice accumulators in keyed value state namespaced by the slice, always written
 * back with update(); timers per (key, window).
 */
public final class SlicingWindowOperator<K, IN, OUT> extends AbstractOneInputOperator<IN, OUT>
    implements Triggerable<Object, TimeWindow> {
  private final SlidingEventTimeWindows<IN> assigner;
  private final long size;
  private final long slide;
  private final long offset;
  private final AggregateFunction<IN, Object, Object> aggregate;
  private final OutputTag<IN> lateDataTag;
  private final ProcessWindowFunction<Object, OUT, K, TimeWindow> windowFunction;
  private final TypeSerializer<TimeWindow> windowSerializer = TypeSerializers.generic();
  private InternalValueState<TimeWindow, Object> slices;
  private InternalTimerService<Object, TimeWindow> timers;
  private WindowFunctionContext<K, OUT, TimeWindow> functionContext;

  /** Whether this operator computes the spec (see the class comment). */
  public static boolean supports(OperatorSpec.WindowSpec spec) {
    return spec.assigner() instanceof SlidingEventTimeWindows<?> sliding
        && sliding.getSize() % sliding.getSlide() == 0
        && spec.trigger() == EventTimeTrigger.create()
        && spec.allowedLatenessMillis() == 0
        && spec.evictor() == null
        && spec.contents() instanceof WindowContents.Aggregated;
  }

  @SuppressWarnings("unchecked")
  public SlicingWindowOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      OperatorSpec.WindowSpec spec) {
    super(context, output, keySelector);
    if (!supports(spec)) {
      throw new IllegalArgumentException("Not a sliced sliding-window spec: " + spec);
    }
    this.assigner = (SlidingEventTimeWindows<IN>) spec.assigner();
    this.size = assigner.getSize();
    this.slide = assigner.getSlide();
    this.offset = sliceOffset(assigner, slide);
    this.aggregate = (AggregateFunction<IN, Object, Object>)
        ((WindowContents.Aggregated) spec.contents()).aggregateFunction();
    this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
    this.windowFunction = (ProcessWindowFunction<Object, OUT, K, TimeWindow>) spec.windowFunction();
  }

  /** The assigner's offset modulo the slide, read from the windows that contain time 0. */
  private static long sliceOffset(SlidingEventTimeWindows<?> assigner, long slide) {
    long lastStart = Long.MIN_VALUE;
    for (TimeWindow window : assigner.assignWindows(null, 0, () -> 0)) {
      lastStart = Math.max(lastStart, window.getStart());
    }
    return Math.floorMod(lastStart, slide);
  }

  @Override
  protected Object userFunction() {
    return windowFunction;
  }

  @Override
  public void open() throws Exception {
    timers = timerService("window-timers", windowSerializer, this); // first: it explains a missing keyBy
    slices = keyedBackend.createValueState(windowSerializer,
        new ValueStateDescriptor<>("window-slices", TypeSerializers.generic()));
    functionContext = new WindowFunctionContext<>(windowFunction, keyedBackend, windowSerializer, timers,
        context.processingTimeService()::now, keyedStateStore(), output);
    super.open();
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    if (timestamp == Output.NO_TIMESTAMP) {
      assigner.assignWindows(value, timestamp, () -> 0); // throws the assigner's "no event time" error
    }
    processKeyed(keySelector.getKey(value), null, () -> prefetchSlice(timestamp),
        () -> processInKeyContext(value, timestamp));
  }

  private void prefetchSlice(long timestamp) {
    long sliceStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
    if (sliceStart + size - 1 > currentWatermark) {
      async.prefetch(slices, new TimeWindow(sliceStart, sliceStart + slide));
    }
  }

  @Override
  public void prefetchTimer(Timer<Object, ?> timer) {
    TimeWindow window = (TimeWindow) timer.namespace();
    for (long start = window.getStart(); start < window.getEnd(); start += slide) {
      async.prefetch(slices, new TimeWindow(start, start + slide));
    }
  }

  private void processInKeyContext(IN value, long timestamp) throws Exception {
    long sliceStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
    if (sliceStart + size - 1 <= currentWatermark) { // the slice's last window has fired
      sideOutputOrDropLate(lateDataTag, value, timestamp);
      return;
    }
    slices.setCurrentNamespace(new TimeWindow(sliceStart, sliceStart + slide));
    Object accumulator = slices.value();
    slices.update(aggregate.add(value, accumulator == null ? aggregate.createAccumulator() : accumulator));
    if (accumulator == null) {
      for (long end = sliceStart + slide; end <= sliceStart + size; end += slide) {
        if (end - 1 > currentWatermark) {
          timers.registerEventTimeTimer(new TimeWindow(end - size, end), end - 1);
        }
      }
    }
  }

  @Override
  public void onEventTime(Timer<Object, TimeWindow> timer) throws Exception {
    TimeWindow window = timer.namespace();
    Object merged = null;
    for (long start = window.getStart(); start < window.getEnd(); start += slide) {
      slices.setCurrentNamespace(new TimeWindow(start, start + slide));
      Object accumulator = slices.value();
      if (accumulator != null) {
        merged = aggregate.merge(merged == null ? aggregate.createAccumulator() : merged, accumulator);
      }
    }
    Object result = merged == null ? null : aggregate.getResult(merged);
    if (result != null) {
      functionContext.process(window, List.of(result));
    }
    slices.setCurrentNamespace(new TimeWindow(window.getStart(), window.getStart() + slide));
    slices.clear();
    functionContext.clear(window);
  }

  @Override
  public void onProcessingTime(Timer<Object, TimeWindow> timer) {
    throw new IllegalStateException("Event-time windows register no processing-time timers");
  }
}
