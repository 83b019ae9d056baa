package io.eddy.api.state.v2;

/**
 * State that values are added to and read back as a whole: kept as a list, or folded into one
 * accumulator.
 *
 * @param <IN> what is added
 * @param <OUT> what is read
 */
public interface AppendingState<IN, OUT> extends State {
  /** The current contents, or null if the state is empty (for a list: an empty iterator). */
  StateFuture<OUT> asyncGet();

  /** Adds a value (not null). */
  StateFuture<Void> asyncAdd(IN value);
}
