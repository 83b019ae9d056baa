package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Session windows of event time. */
public final class EventTimeSessionWindows<T> extends SessionWindows<T> {
  private EventTimeSessionWindows(Duration gap) {
    super(gap);
  }

  public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
    return new EventTimeSessionWindows<>(gap);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return sessionOf(EventTimes.require(timestamp));
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
    return "EventTimeSessionWindows(" + getGap() + ")";
  }
}
