package io.eddy.api.windowing;

import java.util.Collection;

/** An assigner whose windows can merge (sessions): the runtime keeps window contents merged. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /** Receives each set of windows that merge into one. */
  public interface MergeCallback<W> {
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
