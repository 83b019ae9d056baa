package io.eddy.api.time;

/**
 * Time and timers for the current key. Registering the same (time, key) twice yields one
 * firing. Event-time timers fire when the watermark reaches their time, in time order;
 * processing-time timers when the task's clock does.
 */
public interface TimerService {
  long currentProcessingTime();

  long currentWatermark();

  void registerEventTimeTimer(long time);

  void registerProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);
}
