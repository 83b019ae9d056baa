package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Tumbling windows of processing time: an element goes to the window of the moment it is processed. */
public final class TumblingProcessingTimeWindows<T> extends TumblingWindows<T> {
  private TumblingProcessingTimeWindows(Duration size, Duration offset) {
    super(size, offset);
  }

  public static <T> TumblingProcessingTimeWindows<T> of(Duration size) {
    return new TumblingProcessingTimeWindows<>(size, Duration.ZERO);
  }

  public static <T> TumblingProcessingTimeWindows<T> of(Duration size, Duration offset) {
    return new TumblingProcessingTimeWindows<>(size, offset);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return windowOf(context.getCurrentProcessingTime());
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
    return "TumblingProcessingTimeWindows(" + getSize() + ")";
  }
}
