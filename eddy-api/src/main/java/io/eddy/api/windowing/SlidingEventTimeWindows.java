package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Sliding (hopping) windows of event time. */
public final class SlidingEventTimeWindows<T> extends SlidingWindows<T> {
  private SlidingEventTimeWindows(Duration size, Duration slide, Duration offset) {
    super(size, slide, offset);
  }

  public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide) {
    return new SlidingEventTimeWindows<>(size, slide, Duration.ZERO);
  }

  public static <T> SlidingEventTimeWindows<T> of(Duration size, Duration slide, Duration offset) {
    return new SlidingEventTimeWindows<>(size, slide, offset);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return windowsOf(EventTimes.require(timestamp));
  }

  @Override
  public Trigger<T, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "SlidingEventTimeWindows(" + getSize() + ", " + getSlide() + ")";
  }
}
