package io.eddy.api.functions.async;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/** The outcomes of an attempt that an {@link AsyncRetryStrategy} retries: some results, some errors, or neither. */
public interface AsyncRetryPredicate<OUT> {
  /** Results to retry (e.g. empty ones); none if empty. */
  Optional<Predicate<Collection<OUT>>> resultPredicate();

  /** Errors to retry instead of failing the job; none if empty. */
  Optional<Predicate<Throwable>> exceptionPredicate();
}
