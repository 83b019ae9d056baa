package io.eddy.runtime.operators.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.api.util.retryable.AsyncRetryStrategies;
import io.eddy.api.util.retryable.RetryPredicates;
import io.eddy.runtime.testing.OneInputHarness;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** orderedWaitWithRetry / unorderedWaitWithRetry: when attempts follow, and what ends them. */
@Timeout(60)
class AsyncRetryTest {

  @BeforeEach
  void reset() {
    FlakyFunction.ATTEMPTS.clear();
  }

  private static AsyncRetryStrategy<Integer> onEmptyResult(int maxAttempts, long backoffMillis) {
    return new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Integer>(maxAttempts, backoffMillis)
        .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
  }

  private static OneInputHarness<Integer, Integer> harness(FlakyFunction f, long timeoutMillis,
      AsyncRetryStrategy<Integer> strategy) throws Exception {
    return OneInputHarness.<Integer, Integer>of(s -> AsyncDataStream.orderedWaitWithRetry(
        s, f, timeoutMillis, TimeUnit.MILLISECONDS, 10, strategy)).open();
  }

  @Test
  void anEmptyResultIsRetriedAfterTheBackoffUntilOneIsAccepted() throws Exception {
    var h = harness(new FlakyFunction(3, false), 0, onEmptyResult(5, 10));
    h.processElement(1, 1);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(1);
    h.setProcessingTime(9);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(1);
    h.setProcessingTime(10);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(2);
    assertThat(h.output()).isEmpty();
    h.setProcessingTime(20);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(3);
    assertThat(h.output()).containsExactly(10);
    h.endInput();
    assertThat(FlakyFunction.attempts(1)).isEqualTo(3);
    h.close();
  }

  @Test
  void aRetriedErrorFailsTheJobOnlyOnceTheAttemptsRunOut() throws Exception {
    AsyncRetryStrategy<Integer> strategy = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Integer>(2, 5)
        .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build();
    var h = harness(new FlakyFunction(Integer.MAX_VALUE, true), 0, strategy);
    h.processElement(1, 1);
    h.setProcessingTime(5);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(2);
    assertThatThrownBy(() -> h.setProcessingTime(10))
        .hasMessageContaining("Could not complete the stream element: 1.")
        .hasRootCauseInstanceOf(IOException.class)
        .rootCause().hasMessage("attempt 3 failed");
    assertThat(FlakyFunction.attempts(1)).as("the first attempt and maxAttempts retries").isEqualTo(3);
    h.close();
  }

  @Test
  void anErrorThePredicateDoesNotMatchFailsAtOnce() throws Exception {
    AsyncRetryStrategy<Integer> strategy = new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Integer>(2, 5)
        .ifException(RetryPredicates.exceptionTypePredicate(IllegalStateException.class)).build();
    var h = harness(new FlakyFunction(Integer.MAX_VALUE, true), 0, strategy);
    assertThatThrownBy(() -> h.processElement(1, 1)).hasRootCauseInstanceOf(IOException.class);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(1);
    h.close();
  }

  @Test
  void theEndOfInputRunsWaitingRetriesAtOnceAsTheLastAttempts() throws Exception {
    var h = harness(new FlakyFunction(Integer.MAX_VALUE, false), 0, onEmptyResult(5, 1_000));
    h.processElement(1, 1);
    h.processElement(2, 2);
    h.endInput();
    assertThat(FlakyFunction.attempts(1)).isEqualTo(2);
    assertThat(FlakyFunction.attempts(2)).isEqualTo(2);
    assertThat(h.output()).isEmpty();
    h.close();
  }

  @Test
  void theTimeoutCoversEveryAttemptAndCancelsAWaitingRetry() throws Exception {
    var h = harness(new FlakyFunction(Integer.MAX_VALUE, false), 50, onEmptyResult(5, 40));
    h.processElement(1, 1);
    h.setProcessingTime(40);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(2);
    h.setProcessingTime(50);
    assertThat(h.output()).containsExactly(-1);
    h.setProcessingTime(200);
    assertThat(FlakyFunction.attempts(1)).isEqualTo(2);
    h.endInput();
    assertThat(h.output()).containsExactly(-1);
    h.close();
  }

  @Test
  void exponentialBackoffGrowsByTheMultiplierUpToTheMaximum() {
    AsyncRetryStrategy<Integer> strategy =
        new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<Integer>(10, 100, 1_000, 2.0).build();
    assertThat(strategy.getBackoffTimeMillis(1)).isEqualTo(200);
    assertThat(strategy.getBackoffTimeMillis(2)).isEqualTo(400);
    assertThat(strategy.getBackoffTimeMillis(3)).isEqualTo(800);
    assertThat(strategy.getBackoffTimeMillis(4)).isEqualTo(1_000);
    assertThat(strategy.canRetry(10)).isTrue();
    assertThat(strategy.canRetry(11)).isFalse();
  }
}
