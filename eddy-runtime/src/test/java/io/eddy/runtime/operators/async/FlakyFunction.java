package io.eddy.runtime.operators.async;

import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.ResultFuture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers x with x * 10 from attempt {@code succeedOnAttempt} on; before that with no result, or
 * with an error if {@code fail}. Completes on the calling thread, so a test decides exactly when
 * each attempt is taken. A timeout completes with -x. Attempts are counted per input in a static
 * map because the operator runs a serialized copy.
 */
record FlakyFunction(int succeedOnAttempt, boolean fail) implements AsyncFunction<Integer, Integer> {
  static final Map<Integer, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  static int attempts(int input) {
    AtomicInteger n = ATTEMPTS.get(input);
    return n == null ? 0 : n.get();
  }

  @Override
  public void asyncInvoke(Integer input, ResultFuture<Integer> resultFuture) {
    int attempt = ATTEMPTS.computeIfAbsent(input, k -> new AtomicInteger()).incrementAndGet();
    if (attempt >= succeedOnAttempt) {
      resultFuture.complete(List.of(input * 10));
    } else if (fail) {
      resultFuture.completeExceptionally(new IOException("attempt " + attempt + " failed"));
    } else {
      resultFuture.complete(List.of());
    }
  }

  @Override
  public void timeout(Integer input, ResultFuture<Integer> resultFuture) {
    resultFuture.complete(List.of(-input));
  }
}
