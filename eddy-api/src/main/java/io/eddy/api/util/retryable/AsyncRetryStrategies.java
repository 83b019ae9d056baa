package io.eddy.api.util.retryable;

import io.eddy.api.functions.async.AsyncRetryPredicate;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The usual {@link AsyncRetryStrategy}s (Flink's names): none, a fixed delay, or an exponentially
 * growing one, each retrying the results and errors its {@code ifResult}/{@code ifException}
 * predicates match (e.g. {@link RetryPredicates}), up to {@code maxAttempts} retries. The
 * predicates are kept in the job, so they must be serializable (the ones in {@link
 * RetryPredicates} are).
 */
public final class AsyncRetryStrategies {
  /** Never retries. */
  @SuppressWarnings("rawtypes")
  public static final AsyncRetryStrategy NO_RETRY_STRATEGY = new Predicated<>(0, 0, 0, 1, null, null);

  private AsyncRetryStrategies() {}

  /**
   * Retries while attempts <= maxAttempts, after {@code initialDelay * multiplier^attempts} ms, at
   * most {@code maxRetryDelay}; a fixed delay is a multiplier of 1.
   */
  private record Predicated<OUT>(int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier,
      Predicate<? super Collection<OUT>> resultPredicate, Predicate<Throwable> exceptionPredicate)
      implements AsyncRetryStrategy<OUT> {
    @Override
    public boolean canRetry(int currentAttempts) {
      return currentAttempts <= maxAttempts;
    }

    @Override
    public long getBackoffTimeMillis(int currentAttempts) {
      double delay = initialDelay * Math.pow(multiplier, currentAttempts);
      return (long) Math.min(delay, maxRetryDelay);
    }

    @Override
    public AsyncRetryPredicate<OUT> getRetryPredicate() {
      return new AsyncRetryPredicate<>() {
        @Override
        public Optional<Predicate<Collection<OUT>>> resultPredicate() {
          return Optional.ofNullable(resultPredicate).map(p -> p::test);
        }

        @Override
        public Optional<Predicate<Throwable>> exceptionPredicate() {
          return Optional.ofNullable(exceptionPredicate);
        }
      };
    }
  }

  /** Builds a strategy that waits {@code backoffTimeMillis} before each of up to {@code maxAttempts} retries. */
  public static final class FixedDelayRetryStrategyBuilder<OUT> {
    private final int maxAttempts;
    private final long backoffTimeMillis;
    private Predicate<? super Collection<OUT>> resultPredicate;
    private Predicate<Throwable> exceptionPredicate;

    public FixedDelayRetryStrategyBuilder(int maxAttempts, long backoffTimeMillis) {
      if (maxAttempts <= 0) {
        throw new IllegalArgumentException("maxAttempts should be greater than zero.");
      }
      if (backoffTimeMillis <= 0) {
        throw new IllegalArgumentException("backoffTimeMillis should be greater than zero.");
      }
      this.maxAttempts = maxAttempts;
      this.backoffTimeMillis = backoffTimeMillis;
    }

    public FixedDelayRetryStrategyBuilder<OUT> ifResult(Predicate<? super Collection<OUT>> resultRetryPredicate) {
      this.resultPredicate = resultRetryPredicate;
      return this;
    }

    public FixedDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
      this.exceptionPredicate = exceptionRetryPredicate;
      return this;
    }

    public AsyncRetryStrategy<OUT> build() {
      return new Predicated<>(maxAttempts, backoffTimeMillis, backoffTimeMillis, 1, resultPredicate, exceptionPredicate);
    }
  }

  /**
   * Builds a strategy that waits {@code initialDelay * multiplier} ms before the first retry, {@code
   * multiplier} times longer before each next one (at most {@code maxRetryDelay}), up to {@code
   * maxAttempts} retries: Flink's sequence for one element (Flink keeps the last delay in the
   * strategy, so there the sequence also continues across elements of a subtask).
   */
  public static final class ExponentialBackoffDelayRetryStrategyBuilder<OUT> {
    private final int maxAttempts;
    private final long initialDelay;
    private final long maxRetryDelay;
    private final double multiplier;
    private Predicate<? super Collection<OUT>> resultPredicate;
    private Predicate<Throwable> exceptionPredicate;

    public ExponentialBackoffDelayRetryStrategyBuilder(int maxAttempts, long initialDelay, long maxRetryDelay,
        double multiplier) {
      this.maxAttempts = maxAttempts;
      this.initialDelay = initialDelay;
      this.maxRetryDelay = maxRetryDelay;
      this.multiplier = multiplier;
    }

    public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifResult(Predicate<? super Collection<OUT>> resultRetryPredicate) {
      this.resultPredicate = resultRetryPredicate;
      return this;
    }

    public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
      this.exceptionPredicate = exceptionRetryPredicate;
      return this;
    }

    public AsyncRetryStrategy<OUT> build() {
      return new Predicated<>(maxAttempts, initialDelay, maxRetryDelay, multiplier, resultPredicate, exceptionPredicate);
    }
  }
}
