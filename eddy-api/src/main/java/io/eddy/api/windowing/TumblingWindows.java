package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Fixed-size, non-overlapping windows aligned to the epoch (plus an offset), in either time domain. */
abstract class TumblingWindows<T> extends WindowAssigner<T, TimeWindow> {
  private final long size;
  private final long offset;

  TumblingWindows(Duration size, Duration offset) {
    if (size.toMillis() <= 0) {
      throw new IllegalArgumentException("Window size must be positive, got " + size);
    }
    if (Math.abs(offset.toMillis()) >= size.toMillis()) {
      throw new IllegalArgumentException("Window offset must be smaller than the size");
    }
    this.size = size.toMillis();
    this.offset = offset.toMillis();
  }

  protected Collection<TimeWindow> windowOf(long timestamp) {
    long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
    return List.of(new TimeWindow(start, start + size));
  }

  public long getSize() {
    return size;
  }
}
