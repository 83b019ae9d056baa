package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Sliding (hopping) windows of processing time. */
public final class SlidingProcessingTimeWindows<T> extends SlidingWindows<T> {
  private SlidingProcessingTimeWindows(Duration size, Duration slide, Duration offset) {
    super(size, slide, offset);
  }

  public static <T> SlidingProcessingTimeWindows<T> of(Duration size, Duration slide) {
    return new SlidingProcessingTimeWindows<>(size, slide, Duration.ZERO);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return windowsOf(context.getCurrentProcessingTime());
  }

  @Override
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "SlidingProcessingTimeWindows(" + getSize() + ", " + getSlide() + ")";
  }
}
