package io.eddy.api.state;

/** A piece of keyed state, scoped to the current key (and window, inside window functions). */
public interface State {
  /** Removes the value for the current key. */
  void clear();
}
