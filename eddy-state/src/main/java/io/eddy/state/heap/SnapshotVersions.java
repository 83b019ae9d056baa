package io.eddy.state.heap;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The snapshot clock of one heap backend: entries written before the latest snapshot must not be
 * mutated while that snapshot is being written, so the maps copy them on first read
 * ({@link #copy}) as long as {@link #writing()} is true. The task thread advances the version;
 * asynchronous writers only count themselves in and out.
 */
final class SnapshotVersions {
  private final AtomicInteger writers = new AtomicInteger();
  private int current;

  int current() {
    return current;
  }

  boolean writing() {
    return writers.get() > 0;
  }

  /** Starts a snapshot: later writes get a newer version. Pair with {@link #finished()}. */
  void started() {
    current++;
    writers.incrementAndGet();
  }

  void finished() {
    writers.decrementAndGet();
  }

  /** A deep copy of a state object (see {@link StateCopier}). */
  Object copy(Object value) {
    return StateCopier.copy(value);
  }
}
