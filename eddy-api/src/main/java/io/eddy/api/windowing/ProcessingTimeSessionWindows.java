package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Session windows of processing time. */
public final class ProcessingTimeSessionWindows<T> extends SessionWindows<T> {
  private ProcessingTimeSessionWindows(Duration gap) {
    super(gap);
  }

  public static <T> ProcessingTimeSessionWindows<T> withGap(Duration gap) {
    return new ProcessingTimeSessionWindows<>(gap);
  }

  @Override
  public Collection<TimeWindow> assignWindows(T element, long timestamp, Context context) {
    return sessionOf(context.getCurrentProcessingTime());
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
    return "ProcessingTimeSessionWindows(" + getGap() + ")";
  }
}
