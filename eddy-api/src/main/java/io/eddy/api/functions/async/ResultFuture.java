package io.eddy.api.functions.async;

import java.util.Collection;

/**
 * Where an {@link AsyncFunction} delivers the outcome of one request. Thread-safe: complete it
 * from whatever thread the request finishes on. Only the first completion counts; later ones are
 * ignored (so a result arriving after a timeout handled by {@link AsyncFunction#timeout} is dropped).
 */
public interface ResultFuture<OUT> {
  /** Completes with these results (possibly none); each is emitted with the input's timestamp. */
  void complete(Collection<OUT> result);

  /** Completes with the results {@code supplier} computes on the task thread (its exceptions fail the job). */
  void complete(CollectionSupplier<OUT> supplier);

  /** Completes with an error: the job fails with it. */
  void completeExceptionally(Throwable error);
}
