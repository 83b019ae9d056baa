package io.eddy.api.windowing;

import io.eddy.api.functions.DeltaFunction;
import java.util.Iterator;

/**
 * Evicts the elements whose delta to the window's last element is at least {@code threshold},
 * as measured by a {@link DeltaFunction} (the last element itself stays unless its delta to
 * itself reaches the threshold).
 */
public final class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {
  private final DeltaFunction<T> deltaFunction;
  private final double threshold;
  private final boolean doEvictAfter;

  private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
    if (deltaFunction == null) {
      throw new IllegalArgumentException("DeltaEvictor needs a delta function");
    }
    this.deltaFunction = deltaFunction;
    this.threshold = threshold;
    this.doEvictAfter = doEvictAfter;
  }

  public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
    return new DeltaEvictor<>(threshold, deltaFunction, false);
  }

  /** With {@code doEvictAfter}, evicts after the window function ran instead of before. */
  public static <T, W extends Window> DeltaEvictor<T, W> of(
      double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
    return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
  }

  @Override
  public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
    if (!doEvictAfter) {
      evict(elements);
    }
  }

  @Override
  public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
    if (doEvictAfter) {
      evict(elements);
    }
  }

  private void evict(Iterable<TimestampedValue<T>> elements) {
    TimestampedValue<T> last = null;
    for (TimestampedValue<T> element : elements) {
      last = element;
    }
    if (last == null) {
      return;
    }
    for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext(); ) {
      if (deltaFunction.getDelta(it.next().getValue(), last.getValue()) >= threshold) {
        it.remove();
      }
    }
  }

  @Override
  public String toString() {
    return "DeltaEvictor(" + deltaFunction + ", " + threshold + ")";
  }
}
