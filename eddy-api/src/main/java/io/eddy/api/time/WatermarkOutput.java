package io.eddy.api.time;

/** Where a {@link WatermarkGenerator} sends watermarks and idleness. */
public interface WatermarkOutput {
  /** Emits a watermark; one not above the last emitted one is ignored. Also marks active. */
  void emitWatermark(Watermark watermark);

  /** Declares that no records will come for a while: downstream ignores this input's watermark. */
  void markIdle();

  void markActive();
}
