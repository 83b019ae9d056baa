package io.eddy.api.time;

/**
 * Produces watermarks from the records seen: on every event, and periodically (the runtime calls
 * {@link #onPeriodicEmit} every {@code pipeline.auto-watermark-interval} and whenever the source
 * runs dry). Runs on the task thread; needs no synchronisation.
 */
public interface WatermarkGenerator<T> {
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  void onPeriodicEmit(WatermarkOutput output);
}
