package io.eddy.api.time;

/**
 * Wraps a generator and marks the output idle when no record arrived for {@code idleTimeout}
 * milliseconds of processing time, so that a quiet source does not hold back event time.
 */
final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> inner;
  private final WatermarkGeneratorContext clock;
  private final long idleTimeoutMillis;
  private long lastActivity;
  private boolean idle;

  WatermarksWithIdleness(WatermarkGenerator<T> inner, WatermarkGeneratorContext clock, long idleTimeoutMillis) {
    this.inner = inner;
    this.clock = clock;
    this.idleTimeoutMillis = idleTimeoutMillis;
    this.lastActivity = clock.currentProcessingTime();
  }

  /** Marks the output active again before the record goes out. */
  @Override
  public void beforeEvent(T event, long eventTimestamp, WatermarkOutput output) {
    lastActivity = clock.currentProcessingTime();
    if (idle) {
      idle = false;
      output.markActive();
    }
    inner.beforeEvent(event, eventTimestamp, output);
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    inner.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (idle) {
      return;
    }
    if (clock.currentProcessingTime() - lastActivity >= idleTimeoutMillis) {
      idle = true;
      output.markIdle();
    } else {
      inner.onPeriodicEmit(output);
    }
  }
}
