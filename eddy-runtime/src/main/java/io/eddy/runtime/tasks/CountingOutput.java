package io.eddy.runtime.tasks;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.metrics.Counter;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.operators.Output;

/**
 * An operator's output as the task gives it: counts the records it emits (main and side
 * outputs: {@code numRecordsOut}) and notes the last watermark ({@code currentOutputWatermark}),
 * then hands everything on. One counter increment per record.
 */
final class CountingOutput implements Output<Object> {
  private final Output<Object> next;
  private final Counter numRecordsOut;
  private final InternalOperatorMetricGroup metrics;

  CountingOutput(Output<Object> next, InternalOperatorMetricGroup metrics) {
    this.next = next;
    this.metrics = metrics;
    this.numRecordsOut = metrics.getNumRecordsOutCounter();
  }

  @Override
  public void collect(Object value, long timestamp) {
    numRecordsOut.inc();
    next.collect(value, timestamp);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    numRecordsOut.inc();
    next.collect(tag, value, timestamp);
  }

  @Override
  public void emitWatermark(long watermark) {
    metrics.outputWatermark(watermark);
    next.emitWatermark(watermark);
  }

  @Override
  public void emitIdle(boolean idle) {
    next.emitIdle(idle);
  }
}
