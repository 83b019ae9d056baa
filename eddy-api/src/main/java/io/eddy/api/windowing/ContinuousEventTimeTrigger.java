package io.eddy.api.windowing;

import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of event time while it is open, and once more when the
 * watermark passes its end. The first element schedules a firing at the end of the interval
 * (aligned to the epoch) it falls in; each firing schedules the next one, never past the
 * window's max timestamp. The pending fire time is trigger state of the (key, window); merged
 * windows keep the earliest. Elements that arrive after the window's end (allowed lateness)
 * fire it at once.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private final long interval;
  private final ReducingStateDescriptor<Long> fireTimeDescriptor = LongReducers.min("fire-time");

  private ContinuousEventTimeTrigger(long interval) {
    if (interval <= 0) {
      throw new IllegalArgumentException("ContinuousEventTimeTrigger needs a positive interval, got " + interval + " ms");
    }
    this.interval = interval;
  }

  public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
    return new ContinuousEventTimeTrigger<>(interval.toMillis());
  }

  public long getInterval() {
    return interval;
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    if (fireTime.get() == null) {
      scheduleNext(timestamp - (timestamp % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    if (time == window.maxTimestamp()) {
      return TriggerResult.FIRE;
    }
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long pending = fireTime.get();
    if (pending != null && pending == time) {
      fireTime.clear();
      scheduleNext(time, window, ctx, fireTime);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  private void scheduleNext(long from, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
    long next = Math.min(from + interval, window.maxTimestamp());
    fireTime.add(next);
    ctx.registerEventTimeTimer(next);
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(fireTimeDescriptor);
    Long next = ctx.<ReducingState<Long>>getPartitionedState(fireTimeDescriptor).get();
    if (next != null) {
      ctx.registerEventTimeTimer(next);
    }
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long pending = fireTime.get();
    if (pending != null) {
      ctx.deleteEventTimeTimer(pending);
      fireTime.clear();
    }
  }

  @Override
  public String toString() {
    return "ContinuousEventTimeTrigger(" + interval + ")";
  }
}
