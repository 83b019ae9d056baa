package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Each element opens [t, t + gap); windows that overlap or touch merge into one session. */
abstract class SessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
  private final long gap;

  SessionWindows(Duration gap) {
    if (gap.toMillis() <= 0) {
      throw new IllegalArgumentException("Session gap must be positive, got " + gap);
    }
    this.gap = gap.toMillis();
  }

  protected Collection<TimeWindow> sessionOf(long timestamp) {
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    TimeWindow.mergeWindows(windows, callback);
  }

  public long getGap() {
    return gap;
  }
}
