package io.eddy.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Windows of a fixed size that start every {@code slide}, so an element is in size/slide windows. */
abstract class SlidingWindows<T> extends WindowAssigner<T, TimeWindow> {
  private final long size;
  private final long slide;
  private final long offset;

  SlidingWindows(Duration size, Duration slide, Duration offset) {
    if (size.toMillis() <= 0 || slide.toMillis() <= 0) {
      throw new IllegalArgumentException("Window size and slide must be positive");
    }
    if (Math.abs(offset.toMillis()) >= slide.toMillis()) {
      throw new IllegalArgumentException("Window offset must be smaller than the slide");
    }
    this.size = size.toMillis();
    this.slide = slide.toMillis();
    this.offset = offset.toMillis();
  }

  protected Collection<TimeWindow> windowsOf(long timestamp) {
    List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
    long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
    for (long start = lastStart; start > timestamp - size; start -= slide) {
      windows.add(new TimeWindow(start, start + size));
    }
    return windows;
  }

  public long getSize() {
    return size;
  }

  public long getSlide() {
    return slide;
  }
}
