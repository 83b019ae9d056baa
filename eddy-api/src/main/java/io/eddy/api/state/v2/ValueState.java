package io.eddy.api.state.v2;

/** One value per key, read and written asynchronously. */
public interface ValueState<T> extends State {
  /** The value of the current key, or null if there is none. */
  StateFuture<T> asyncValue();

  /** Sets the value of the current key; null removes it. */
  StateFuture<Void> asyncUpdate(T value);
}
