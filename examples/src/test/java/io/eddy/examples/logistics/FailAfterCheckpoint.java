package io.eddy.examples.logistics;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the job a planned number of times, failure k at a record of an order past
 * k/(planned+1) of the input, and only once a checkpoint of the current attempt completed, so
 * every restart restores a checkpoint however fast or loaded the machine: from the moment a
 * subtask is due to fail until a checkpoint completes, every subtask sleeps 1 ms per record, so
 * none finishes its input (which would end checkpointing) before. Static flags: they outlive
 * the restarts, which make new copies of the function.
 */
final class FailAfterCheckpoint extends RichMapFunction<LogisticsEvent, LogisticsEvent> implements CheckpointListener {
  private static final AtomicInteger LEFT = new AtomicInteger();
  private static final AtomicBoolean CHECKPOINTED_IN_ATTEMPT = new AtomicBoolean();
  private static final AtomicBoolean FAILED_IN_ATTEMPT = new AtomicBoolean();
  private static final AtomicBoolean WAITING_FOR_CHECKPOINT = new AtomicBoolean();
  private static volatile int planned;
  private static volatile long orders;

  static void plan(int failures, long ofOrders) {
    planned = failures;
    orders = ofOrders;
    LEFT.set(failures);
  }

  @Override
  public void open(OpenContext ctx) {
    CHECKPOINTED_IN_ATTEMPT.set(false);
    FAILED_IN_ATTEMPT.set(false);
    WAITING_FOR_CHECKPOINT.set(false);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    CHECKPOINTED_IN_ATTEMPT.set(true);
  }

  @Override
  public LogisticsEvent map(LogisticsEvent e) throws InterruptedException {
    int left = LEFT.get();
    if (left <= 0) {
      return e;
    }
    int k = planned - left + 1;
    boolean due = e.orderId() >= orders * k / (planned + 1);
    if (due && CHECKPOINTED_IN_ATTEMPT.get()) {
      if (FAILED_IN_ATTEMPT.compareAndSet(false, true)) {
        LEFT.decrementAndGet();
        throw new IllegalStateException("injected failure " + k + " at order " + e.orderId());
      }
    } else if (due || WAITING_FOR_CHECKPOINT.get()) {
      WAITING_FOR_CHECKPOINT.set(true);
      Thread.sleep(1);
    }
    return e;
  }
}
