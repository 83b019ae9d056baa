package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;

/**
 * Where an operator emits: records (with their timestamp, {@code Long.MIN_VALUE} for none),
 * side-output records, watermarks and idleness. Called on the task thread only.
 */
public interface Output<T> {
  long NO_TIMESTAMP = Long.MIN_VALUE;

  void collect(T value, long timestamp);

  <X> void collect(OutputTag<X> tag, X value, long timestamp);

  void emitWatermark(long watermark);

  /** Tells downstream that this output is idle (its watermark must not hold them back) or active again. */
  void emitIdle(boolean idle);
}
