package io.eddy.runtime.asyncprocessing;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of the process that tells controllers when a partly filled batch has
 * waited its {@code execution.async-state.buffer-timeout}. It only posts mail: the flush itself
 * runs on the controller's task thread. Cancelled timeouts are removed at once.
 */
final class BufferTimeouts {
  private static final ScheduledThreadPoolExecutor TIMER = create();

  private BufferTimeouts() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "eddy-async-state-buffer-timeout");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static ScheduledFuture<?> schedule(Duration delay, Runnable action) {
    return TIMER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
