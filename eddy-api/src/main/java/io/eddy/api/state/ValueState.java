package io.eddy.api.state;

/** One value per key; {@code value()} is null when unset or expired. */
public interface ValueState<T> extends State {
  T value() throws Exception;

  void update(T value) throws Exception;
}
