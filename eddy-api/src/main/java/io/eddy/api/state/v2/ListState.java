package io.eddy.api.state.v2;

import java.util.List;

/** A list of values per key; {@link #asyncGet()} iterates over it in insertion order. */
public interface ListState<T> extends MergingState<T, StateIterator<T>> {
  /** Replaces the list; an empty list clears it. Null elements are refused. */
  StateFuture<Void> asyncUpdate(List<T> values);

  /** Appends the values; an empty list changes nothing. Null elements are refused. */
  StateFuture<Void> asyncAddAll(List<T> values);
}
