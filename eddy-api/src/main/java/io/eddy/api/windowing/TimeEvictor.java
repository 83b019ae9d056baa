package io.eddy.api.windowing;

import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time: those whose timestamp is
 * greater than (newest element's timestamp - windowSize). Does nothing when elements carry no
 * timestamp.
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
  private final long windowSize;
  private final boolean doEvictAfter;

  public TimeEvictor(long windowSize) {
    this(windowSize, false);
  }

  public TimeEvictor(long windowSize, boolean doEvictAfter) {
    this.windowSize = windowSize;
    this.doEvictAfter = doEvictAfter;
  }

  public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
    return new TimeEvictor<>(windowSize.toMillis());
  }

  /** With {@code doEvictAfter}, evicts after the window function ran instead of before. */
  public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
    return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
  }

  public long getWindowSize() {
    return windowSize;
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements) {
    Iterator<TimestampedValue<Object>> first = elements.iterator();
    if (!first.hasNext() || !first.next().hasTimestamp()) {
      return;
    }
    long newest = Long.MIN_VALUE;
    for (TimestampedValue<Object> element : elements) {
      newest = Math.max(newest, element.getTimestamp());
    }
    long cutoff = newest - windowSize;
    for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
      if (it.next().getTimestamp() <= cutoff) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "TimeEvictor(" + windowSize + ")";
  }
}
