package io.eddy.api.state.v2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Builders of {@link StateFuture}s: completed ones, conjunctions, and iterators read to the end. */
public final class StateFutureUtils {
  private StateFutureUtils() {}

  /** A future that is already complete with {@code null}. */
  public static <V> StateFuture<V> completedVoidFuture() {
    return CompletedStateFuture.of(null);
  }

  /** A future that is already complete with {@code result}. */
  public static <V> StateFuture<V> completedFuture(V result) {
    return CompletedStateFuture.of(result);
  }

  /**
   * A future of the results of all {@code futures}, in their order, once every one completed.
   *
   * @throws IllegalArgumentException if an entry is null
   */
  public static <T> StateFuture<Collection<T>> combineAll(Collection<? extends StateFuture<? extends T>> futures) {
    StateFuture<List<T>> all = completedFuture(new ArrayList<>(futures.size()));
    for (StateFuture<? extends T> future : futures) {
      if (future == null) {
        throw new IllegalArgumentException("combineAll: the collection of futures holds a null entry");
      }
      all = all.thenCombine(future, (list, value) -> {
        list.add(value);
        return list;
      });
    }
    return all.thenApply(list -> list);
  }

  /** A future of every element of the iterator the given future holds, in order. */
  public static <T> StateFuture<Iterable<T>> toIterable(StateFuture<StateIterator<T>> future) {
    Objects.requireNonNull(future, "future");
    return future.thenCompose(iterator -> {
      List<T> elements = new ArrayList<>();
      return iterator.onNext((T element) -> {
        elements.add(element);
      }).thenApply(done -> elements);
    });
  }
}
