package io.eddy.api.windowing;

import java.util.Iterator;

/** Keeps at most {@code maxCount} elements of a window: the most recently added ones. */
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {
  private final long maxCount;
  private final boolean doEvictAfter;

  private CountEvictor(long maxCount, boolean doEvictAfter) {
    if (maxCount < 0) {
      throw new IllegalArgumentException("CountEvictor needs a count of at least 0, got " + maxCount);
    }
    this.maxCount = maxCount;
    this.doEvictAfter = doEvictAfter;
  }

  public static <W extends Window> CountEvictor<W> of(long maxCount) {
    return new CountEvictor<>(maxCount, false);
  }

  /** With {@code doEvictAfter}, evicts after the window function ran instead of before. */
  public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
    return new CountEvictor<>(maxCount, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements, size);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements, size);
    }
  }

  private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
    long toEvict = size - maxCount;
    Iterator<TimestampedValue<Object>> it = elements.iterator();
    for (long i = 0; i < toEvict && it.hasNext(); i++) {
      it.next();
      it.remove();
    }
  }

  @Override
  public String toString() {
    return "CountEvictor(" + maxCount + ")";
  }
}
