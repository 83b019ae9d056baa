package io.eddy.api.windowing;

import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import java.time.Duration;

/**
 * Fires a window every {@code interval} of processing time. The first element schedules a
 * firing at the end of the interval (aligned to the epoch) the clock is in; each firing
 * schedules the next, never past the window's max timestamp, and the window fires when the
 * clock reaches that. The pending fire time is trigger state of the (key, window); merged
 * windows keep the earliest.
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {
  private final long interval;
  private final ReducingStateDescriptor<Long> fireTimeDescriptor = LongReducers.min("fire-time");

  private ContinuousProcessingTimeTrigger(long interval) {
    if (interval <= 0) {
      throw new IllegalArgumentException(
          "ContinuousProcessingTimeTrigger needs a positive interval, got " + interval + " ms");
    }
    this.interval = interval;
  }

  public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
    return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
  }

  public long getInterval() {
    return interval;
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    long now = ctx.getCurrentProcessingTime();
    if (fireTime.get() == null) {
      scheduleNext(now - (now % interval), window, ctx, fireTime);
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
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

  private void scheduleNext(long from, W window, TriggerContext ctx, ReducingState<Long> fireTime) throws Exception {
    long next = Math.min(from + interval, window.maxTimestamp());
    fireTime.add(next);
    ctx.registerProcessingTimeTimer(next);
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
      ctx.registerProcessingTimeTimer(next);
    }
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> fireTime = ctx.getPartitionedState(fireTimeDescriptor);
    Long pending = fireTime.get();
    if (pending != null) {
      ctx.deleteProcessingTimeTimer(pending);
      fireTime.clear();
    }
  }

  @Override
  public String toString() {
    return "ContinuousProcessingTimeTrigger(" + interval + ")";
  }
}
