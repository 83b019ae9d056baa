package io.eddy.runtime.operators;

import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkOutput;

/**
 * The {@link WatermarkOutput} of a watermark generator: forwards only increasing watermarks and
 * changes of idleness to the operator's output.
 */
final class WatermarkEmitter implements WatermarkOutput {
  private final Output<?> output;
  private long lastEmitted = Long.MIN_VALUE;
  private boolean idle;

  WatermarkEmitter(Output<?> output) {
    this.output = output;
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    markActive();
    if (watermark.timestamp() > lastEmitted) {
      lastEmitted = watermark.timestamp();
      output.emitWatermark(lastEmitted);
    }
  }

  @Override
  public void markIdle() {
    if (!idle) {
      idle = true;
      output.emitIdle(true);
    }
  }

  @Override
  public void markActive() {
    if (idle) {
      idle = false;
      output.emitIdle(false);
    }
  }

  /** Ends event time: every downstream window and timer fires. */
  void emitFinal() {
    emitWatermark(Watermark.MAX);
  }
}
