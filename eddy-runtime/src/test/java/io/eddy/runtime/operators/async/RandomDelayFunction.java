package io.eddy.runtime.operators.async;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.api.functions.async.RichAsyncFunction;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Maps x to x * 10 on another thread after a random delay of up to 2 ms, so completions come
 * back out of order; records the order in which inputs completed ({@link #COMPLETED}, static
 * because the operator runs a serialized copy).
 */
final class RandomDelayFunction extends RichAsyncFunction<Integer, Integer> {
  static final Queue<Integer> COMPLETED = new ConcurrentLinkedQueue<>();
  private transient ScheduledExecutorService executor;

  @Override
  public void open(OpenContext openContext) {
    executor = Executors.newScheduledThreadPool(3);
  }

  @Override
  public void asyncInvoke(Integer input, ResultFuture<Integer> resultFuture) {
    executor.schedule(() -> {
      COMPLETED.add(input);
      resultFuture.complete(List.of(input * 10));
    }, ThreadLocalRandom.current().nextLong(2_000), TimeUnit.MICROSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
