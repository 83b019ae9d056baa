package io.eddy.it;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import io.eddy.runtime.TestEventSource.Event;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the job {@link #plan(int, long) planned} times, failure k at the first event past k/(n+1)
 * of the input that follows a checkpoint completed in the same attempt, so every failure has a
 * checkpoint to restart from and the failures spread over the run. Slows the input a little so
 * checkpoints complete in between. The counters are static: they survive the restarts, which
 * make new copies of the function.
 */
public final class FailAfterCheckpoint extends RichMapFunction<Event, Event> implements CheckpointListener {
  private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
  private static final AtomicBoolean FAILED_IN_ATTEMPT = new AtomicBoolean();
  private static volatile int planned;
  private static volatile long events;

  private boolean checkpointed;

  /** Plans {@code failures} failures over an input of {@code count} events (values 0..count-1). */
  public static void plan(int failures, long count) {
    FAILURES_LEFT.set(failures);
    planned = failures;
    events = count;
  }

  @Override
  public void open(OpenContext context) {
    FAILED_IN_ATTEMPT.set(false);
  }

  @Override
  public Event map(Event e) throws InterruptedException {
    int left = FAILURES_LEFT.get();
    if (left > 0) {
      if (e.value() % 40 == 0) {
        Thread.sleep(1);
      }
      int k = planned - left + 1;
      if (checkpointed && e.value() >= events * k / (planned + 1) && FAILED_IN_ATTEMPT.compareAndSet(false, true)) {
        FAILURES_LEFT.decrementAndGet();
        throw new IllegalStateException("injected failure " + k + " at event " + e.value());
      }
    }
    return e;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    checkpointed = true;
  }
}
