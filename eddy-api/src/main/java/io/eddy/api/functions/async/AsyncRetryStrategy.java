package io.eddy.api.functions.async;

import java.io.Serializable;

/**
 * When and after how long the async operator invokes the function again for one element
 * ({@code AsyncDataStream.orderedWaitWithRetry/unorderedWaitWithRetry}): after an attempt whose
 * results or error match the {@linkplain #getRetryPredicate() predicate}, while {@link
 * #canRetry} allows. Attempts are counted from 1. The operator's timeout covers all attempts of
 * an element. At the end of input a waiting retry runs at once, as the last attempt, and the
 * outcome of an attempt in flight then is final (Flink's behaviour).
 */
public interface AsyncRetryStrategy<OUT> extends Serializable {
  /** Whether another attempt may follow attempt {@code currentAttempts}. */
  boolean canRetry(int currentAttempts);

  /** How long to wait before the attempt after {@code currentAttempts}. */
  long getBackoffTimeMillis(int currentAttempts);

  /** Which outcomes are retried. */
  AsyncRetryPredicate<OUT> getRetryPredicate();
}
