package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;

/** The output of a sink: there is nothing downstream. */
final class NoOutput implements Output<Void> {
  static final NoOutput INSTANCE = new NoOutput();

  @Override
  public void collect(Void value, long timestamp) {}

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

  @Override
  public void emitWatermark(long watermark) {}

  @Override
  public void emitIdle(boolean idle) {}
}
