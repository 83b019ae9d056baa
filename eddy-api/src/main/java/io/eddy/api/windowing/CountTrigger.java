package io.eddy.api.windowing;

import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;

/**
 * Fires a window each time it has received {@code maxCount} more elements. The count is trigger
 * state of the (key, window), reset when it fires; merged windows add their counts (the merged
 * window fires on its next element if the sum reached the limit).
 */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
  private final long maxCount;
  private final ReducingStateDescriptor<Long> countDescriptor = LongReducers.sum("count");

  private CountTrigger(long maxCount) {
    if (maxCount <= 0) {
      throw new IllegalArgumentException("CountTrigger needs a positive count, got " + maxCount);
    }
    this.maxCount = maxCount;
  }

  public static <W extends Window> CountTrigger<W> of(long maxCount) {
    return new CountTrigger<>(maxCount);
  }

  public long getMaxCount() {
    return maxCount;
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergePartitionedState(countDescriptor);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ctx.<ReducingState<Long>>getPartitionedState(countDescriptor).clear();
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
