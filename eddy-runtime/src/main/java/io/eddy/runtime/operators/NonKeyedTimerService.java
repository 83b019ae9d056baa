package io.eddy.runtime.operators;

import io.eddy.api.time.TimerService;
import java.util.function.LongSupplier;

/** The timer service of functions on non-keyed streams: tells time, refuses timers. */
final class NonKeyedTimerService implements TimerService {
  private final LongSupplier processingTime;
  private final LongSupplier watermark;
  private final String operatorName;

  NonKeyedTimerService(LongSupplier processingTime, LongSupplier watermark, String operatorName) {
    this.processingTime = processingTime;
    this.watermark = watermark;
    this.operatorName = operatorName;
  }

  @Override
  public long currentProcessingTime() {
    return processingTime.getAsLong();
  }

  @Override
  public long currentWatermark() {
    return watermark.getAsLong();
  }

  private UnsupportedOperationException noTimers() {
    return new UnsupportedOperationException(
        "Timers need a keyed stream: use keyBy() before '" + operatorName + "'");
  }

  @Override
  public void registerEventTimeTimer(long time) {
    throw noTimers();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    throw noTimers();
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    throw noTimers();
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    throw noTimers();
  }
}
