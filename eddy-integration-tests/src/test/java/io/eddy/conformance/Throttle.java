package io.eddy.conformance;

import io.eddy.api.functions.MapFunction;

/**
 * Passes records through, sleeping 1 ms every {@code every} records, so that a short test
 * input lasts long enough for several checkpoints to complete (and failures to land between
 * them) even on a loaded machine.
 */
final class Throttle<T> implements MapFunction<T, T> {
  private final int every;
  private long seen;

  Throttle(int every) {
    this.every = every;
  }

  @Override
  public T map(T value) throws InterruptedException {
    if (++seen % every == 0) {
      Thread.sleep(1);
    }
    return value;
  }
}
