package io.eddy.runtime.time;

import java.util.PriorityQueue;

/**
 * Processing-time callbacks of one task, fired on the task thread when the clock reaches them
 * ({@link #fireDue}). Not thread-safe: owned by the task thread.
 */
public final class ProcessingTimeService {
  /** Runs at (or after) its time on the task thread. */
  @FunctionalInterface
  public interface Callback {
    void onProcessingTime(long time) throws Exception;
  }

  private record Scheduled(long time, long sequence, Callback callback) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final Clock clock;
  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private long sequence;

  public ProcessingTimeService(Clock clock) {
    this.clock = clock;
  }

  public long now() {
    return clock.currentTimeMillis();
  }

  public Clock clock() {
    return clock;
  }

  public void schedule(long time, Callback callback) {
    queue.add(new Scheduled(time, sequence++, callback));
  }

  /** The earliest scheduled time, or Long.MAX_VALUE. */
  public long nextTime() {
    Scheduled head = queue.peek();
    return head == null ? Long.MAX_VALUE : head.time;
  }

  /** Fires every callback whose time has come, in time order. */
  public void fireDue() throws Exception {
    if (queue.isEmpty()) {
      return;
    }
    long now = clock.currentTimeMillis();
    while (!queue.isEmpty() && queue.peek().time <= now) {
      Scheduled s = queue.poll();
      s.callback.onProcessingTime(s.time);
    }
  }
}
