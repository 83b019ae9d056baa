package io.eddy.runtime.operators.async;

import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.ResultFuture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completes nothing by itself: each request is parked until the test completes it (from the test
 * thread, while the operator runs on another), and the function checks that no more than
 * {@code capacity} requests are ever outstanding. A timed-out request completes with the negated
 * input. State is static because the operator runs a serialized copy.
 */
final class ParkingFunction implements AsyncFunction<Integer, Integer> {
  static final Map<Integer, ResultFuture<Integer>> PARKED = new ConcurrentHashMap<>();
  static final AtomicInteger OUTSTANDING = new AtomicInteger();
  static final AtomicInteger MAX_OUTSTANDING = new AtomicInteger();
  static final AtomicInteger INVOKED = new AtomicInteger();

  static void reset() {
    PARKED.clear();
    OUTSTANDING.set(0);
    MAX_OUTSTANDING.set(0);
    INVOKED.set(0);
  }

  /** Completes the parked request of {@code input} with input * 10. */
  static void release(int input) {
    ResultFuture<Integer> future = PARKED.remove(input);
    OUTSTANDING.decrementAndGet();
    future.complete(List.of(input * 10));
  }

  @Override
  public void asyncInvoke(Integer input, ResultFuture<Integer> resultFuture) {
    MAX_OUTSTANDING.accumulateAndGet(OUTSTANDING.incrementAndGet(), Math::max);
    PARKED.put(input, resultFuture);
    INVOKED.incrementAndGet(); // last: a test thread waiting for the count may release the parked future at once
  }

  @Override
  public void timeout(Integer input, ResultFuture<Integer> resultFuture) {
    if (PARKED.remove(input) != null) {
      OUTSTANDING.decrementAndGet();
    }
    resultFuture.complete(List.of(-input));
  }
}
