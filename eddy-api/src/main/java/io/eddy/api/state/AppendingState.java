package io.eddy.api.state;

/** State that values are added to and read back in aggregated form. */
public interface AppendingState<IN, OUT> extends State {
  /** The current aggregate, or null (an empty iterable for lists) when nothing was added. */
  OUT get() throws Exception;

  void add(IN value) throws Exception;
}
