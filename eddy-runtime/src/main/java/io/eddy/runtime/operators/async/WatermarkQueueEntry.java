package io.eddy.runtime.operators.async;

import io.eddy.runtime.operators.Output;

/** A watermark in the queue: emitted once every element before it was (it bounds unordered output). */
record WatermarkQueueEntry<OUT>(long watermark) implements StreamElementQueueEntry<OUT> {
  @Override
  public boolean isDone() {
    return true;
  }

  @Override
  public void emitResult(Output<OUT> output) {
    output.emitWatermark(watermark);
  }

  @Override
  public StoredElement stored() {
    return StoredElement.watermark(watermark);
  }
}
