package io.eddy.api.state.v2;

import io.eddy.api.util.function.FunctionWithException;
import io.eddy.api.util.function.ThrowingConsumer;
import java.util.Collection;

/**
 * Iterates over state that may arrive in parts, asynchronously (the elements of a list state, the
 * entries of a map state). Callbacks run on the task thread in the issuing record's key context.
 *
 * @param <T> the element type
 */
public interface StateIterator<T> {

  /**
   * Calls {@code iterating} for every element, in order; the future holds the results of the
   * futures it returned, once all of them completed.
   */
  <U> StateFuture<Collection<U>> onNext(FunctionWithException<T, StateFuture<? extends U>, Exception> iterating);

  /** Calls {@code iterating} for every element, in order; the future completes after the last. */
  StateFuture<Void> onNext(ThrowingConsumer<T, Exception> iterating);

  /** Whether there are no elements (known without waiting). */
  boolean isEmpty();
}
