package io.eddy.api.time;

/**
 * Produces watermarks from the records seen: on every event, and periodically (the runtime calls
 * {@link #onPeriodicEmit} every {@code pipeline.auto-watermark-interval} and whenever the source
 * runs dry). Runs on the task thread; needs no synchronisation.
 */
public interface WatermarkGenerator<T> {
  /** Called after the event was emitted, as in Flink: a watermark emitted here follows its record. */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /**
   * Eddy's addition, called before the event is emitted: a generator that delays its watermarks
   * (to keep records batched) can release a pending one here when the coming record needs it.
   * Flink's generators do not know it; by default it does nothing.
   */
  default void beforeEvent(T event, long eventTimestamp, WatermarkOutput output) {}

  void onPeriodicEmit(WatermarkOutput output);
}
