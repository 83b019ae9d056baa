package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.api.state.v2.StateIterator;
import io.eddy.api.util.function.FunctionWithException;
import io.eddy.api.util.function.ThrowingConsumer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link StateIterator} over elements read whole (a list state, a map state's entries): the
 * callbacks run at once, in order, on the task thread in the current record's context.
 */
final class ListStateIterator<T> implements StateIterator<T> {
  private final List<T> elements;

  ListStateIterator(List<T> elements) {
    this.elements = elements;
  }

  @Override
  public <U> StateFuture<Collection<U>> onNext(FunctionWithException<T, StateFuture<? extends U>, Exception> iterating) {
    List<StateFuture<? extends U>> futures = new ArrayList<>(elements.size());
    for (T element : elements) {
      futures.add(call(iterating, element));
    }
    return StateFutureUtils.combineAll(futures);
  }

  @Override
  public StateFuture<Void> onNext(ThrowingConsumer<T, Exception> iterating) {
    try {
      for (T element : elements) {
        iterating.accept(element);
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new io.eddy.api.state.v2.StateCallbackException(e);
    }
    return StateFutureUtils.completedVoidFuture();
  }

  @Override
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  private static <A, R> R call(FunctionWithException<A, R, Exception> fn, A argument) {
    try {
      return fn.apply(argument);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new io.eddy.api.state.v2.StateCallbackException(e);
    }
  }
}
