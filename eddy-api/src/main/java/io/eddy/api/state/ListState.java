package io.eddy.api.state;

import java.util.List;

/** A list of values per key, in insertion order. */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
  /** Replaces the list; an empty list clears it. */
  void update(List<T> values) throws Exception;

  void addAll(List<T> values) throws Exception;
}
