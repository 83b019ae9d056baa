package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Tumbling windows of event time. Elements without a timestamp are an error. */
public final class TumblingEventTimeWindows<T> extends TumblingWindows<T> {
  private TumblingEventTimeWindows(Duration size, Duration offset) {
    super(size, offset);
  }

  public static <T> TumblingEventTimeWindows<T> of(Duration size) {
    return new TumblingEventTimeWindows<>(size, Duration.ZERO);
  }

  public static <T> TumblingEventTimeWindows<T> of(Duration size, Duration offset) {
    return new TumblingEventTimeWindows<>(size, offset);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return windowOf(EventTimes.require(timestamp));
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
    return "TumblingEventTimeWindows(" + getSize() + ")";
  }
}
