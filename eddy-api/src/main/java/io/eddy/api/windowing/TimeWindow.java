package io.eddy.api.windowing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The half-open time interval [start, end) in milliseconds. */
public final class TimeWindow extends Window implements java.io.Serializable {
  private final long start;
  private final long end;

  public TimeWindow(long start, long end) {
    this.start = start;
    this.end = end;
  }

  public long getStart() {
    return start;
  }

  public long getEnd() {
    return end;
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /** True if the windows overlap or touch, which is when session windows merge. */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /** Start of the window of size {@code windowSize} (aligned to {@code offset}) containing timestamp. */
  public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
    long remainder = (timestamp - offset) % windowSize;
    return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
  }

  /** Merges overlapping windows; calls back once per group of two or more windows. */
  public static void mergeWindows(
      Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort((a, b) -> Long.compare(a.start, b.start));
    List<TimeWindow> group = new ArrayList<>();
    TimeWindow cover = null;
    for (TimeWindow w : sorted) {
      if (cover != null && cover.intersects(w)) {
        group.add(w);
        cover = cover.cover(w);
      } else {
        if (group.size() > 1) {
          callback.merge(List.copyOf(group), cover);
        }
        group.clear();
        group.add(w);
        cover = w;
      }
    }
    if (group.size() > 1) {
      callback.merge(List.copyOf(group), cover);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow w && w.start == start && w.end == end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start) * 31 + Long.hashCode(end);
  }

  @Override
  public String toString() {
    return "TimeWindow{start=" + start + ", end=" + end + "}";
  }
}
