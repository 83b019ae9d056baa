package io.eddy.api.windowing;

import java.io.Serializable;

/**
 * Removes elements from a window's contents around its evaluation: {@link #evictBefore} before
 * the window function sees them, {@link #evictAfter} after. An evictor removes elements with
 * the iterator of {@code elements}; what it removes is gone from the window for good. With an
 * evictor, a window keeps all its elements (even under reduce or aggregate, which then run when
 * the window fires). Called on the task thread for one (key, window) at a time.
 */
public interface Evictor<T, W extends Window> extends Serializable {

  void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext)
      throws Exception;

  void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext)
      throws Exception;

  /** What an evictor may ask while evicting. */
  interface EvictorContext {
    long getCurrentProcessingTime();

    long getCurrentWatermark();
  }
}
