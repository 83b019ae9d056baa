package io.eddy.runtime.operators;

import io.eddy.state.KeyedStateBackend;
import io.eddy.state.timers.Timer;
import io.eddy.state.timers.TimerQueue;
import io.eddy.runtime.time.ProcessingTimeService;

/**
 * Event- and processing-time timers of one keyed operator, per (key, namespace), stored in the
 * backend's timer queues. Event-time timers fire, in time order, when the watermark reaches
 * them; processing-time timers when the task's clock does. Before each firing the backend's
 * current key is set to the timer's key. Owned by the task thread.
 */
public final class InternalTimerService<K, N> {
  private final KeyedStateBackend<K> backend;
  private final TimerQueue<K, N> eventTimers;
  private final TimerQueue<K, N> processingTimers;
  private final ProcessingTimeService processingTimeService;
  private final Triggerable<K, N> target;
  private long currentWatermark = Long.MIN_VALUE;
  private long scheduledProcessingTime = Long.MAX_VALUE;

  public InternalTimerService(String name, KeyedStateBackend<K> backend, ProcessingTimeService processingTimeService,
      Triggerable<K, N> target, io.eddy.api.types.TypeSerializer<N> namespaceSerializer) {
    this.backend = backend;
    this.eventTimers = backend.createTimerQueue(name + "/event", namespaceSerializer);
    this.processingTimers = backend.createTimerQueue(name + "/processing", namespaceSerializer);
    this.processingTimeService = processingTimeService;
    this.target = target;
    // Restored processing-time timers are looked at from the first callback, not here: a byte
    // backend reads its timers on first use, and a restore should read no state before it runs.
    scheduleProcessingTime(processingTimeService.now());
  }

  public long currentWatermark() {
    return currentWatermark;
  }

  public long currentProcessingTime() {
    return processingTimeService.now();
  }

  public void registerEventTimeTimer(N namespace, long time) {
    eventTimers.add(new Timer<>(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup()));
  }

  public void deleteEventTimeTimer(N namespace, long time) {
    eventTimers.remove(new Timer<>(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup()));
  }

  public void registerProcessingTimeTimer(N namespace, long time) {
    if (processingTimers.add(new Timer<>(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup()))) {
      scheduleProcessingTime(time);
    }
  }

  public void deleteProcessingTimeTimer(N namespace, long time) {
    processingTimers.remove(new Timer<>(time, backend.getCurrentKey(), namespace, backend.getCurrentKeyGroup()));
  }

  /** Fires every event-time timer at or below the watermark. */
  public void advanceWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    Timer<K, N> timer;
    while ((timer = eventTimers.peek()) != null && timer.timestamp() <= watermark) {
      eventTimers.poll();
      backend.setCurrentKey(timer.key());
      target.onEventTime(timer);
    }
  }

  private void scheduleProcessingTime(long time) {
    if (time < scheduledProcessingTime) {
      scheduledProcessingTime = time;
      processingTimeService.schedule(time, this::onProcessingTime);
    }
  }

  private void onProcessingTime(long scheduledTime) throws Exception {
    if (scheduledTime != scheduledProcessingTime) {
      return; // superseded by an earlier schedule that already ran or will run
    }
    scheduledProcessingTime = Long.MAX_VALUE;
    long now = processingTimeService.now();
    Timer<K, N> timer;
    while ((timer = processingTimers.peek()) != null && timer.timestamp() <= now) {
      processingTimers.poll();
      backend.setCurrentKey(timer.key());
      target.onProcessingTime(timer);
    }
    if (timer != null) {
      scheduleProcessingTime(timer.timestamp());
    }
  }
}
