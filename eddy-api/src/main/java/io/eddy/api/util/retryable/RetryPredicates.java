package io.eddy.api.util.retryable;

import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;

/** Serializable predicates for {@link AsyncRetryStrategies}' {@code ifResult} and {@code ifException}. */
public final class RetryPredicates {
  /** Retries an attempt that completed with no result. */
  @SuppressWarnings("rawtypes")
  public static final Predicate<Collection> EMPTY_RESULT_PREDICATE =
      (Predicate<Collection> & Serializable) Collection::isEmpty;

  /** Retries an attempt that completed with any error. */
  public static final Predicate<Throwable> HAS_EXCEPTION_PREDICATE = (Predicate<Throwable> & Serializable) t -> true;

  private RetryPredicates() {}

  /** Retries an attempt that completed with an error of {@code type} (or a subclass). */
  public static Predicate<Throwable> exceptionTypePredicate(Class<? extends Throwable> type) {
    return (Predicate<Throwable> & Serializable) type::isInstance;
  }
}
