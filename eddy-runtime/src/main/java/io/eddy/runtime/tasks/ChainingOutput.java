package io.eddy.runtime.tasks;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.metrics.Counter;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.Output;

/**
 * Hands records straight to the next operator of the chain (a method call, no copy, no queue),
 * counting them as its {@code numRecordsIn} and noting its input watermark.
 */
final class ChainingOutput implements Output<Object> {
  private final OneInputOperator<Object> next;
  private final InternalOperatorMetricGroup nextMetrics;
  private final Counter numRecordsIn;

  ChainingOutput(OneInputOperator<Object> next, InternalOperatorMetricGroup nextMetrics) {
    this.next = next;
    this.nextMetrics = nextMetrics;
    this.numRecordsIn = nextMetrics.getNumRecordsInCounter();
  }

  @Override
  public void collect(Object value, long timestamp) {
    numRecordsIn.inc();
    try {
      next.processElement(value, timestamp);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(next.name(), e);
    }
  }

  /** A side output nobody consumes: dropped (consumed side outputs are routed as main records). */
  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

  @Override
  public void emitWatermark(long watermark) {
    nextMetrics.inputWatermark(0, watermark);
    try {
      next.processWatermark(watermark);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(next.name(), e);
    }
  }

  @Override
  public void emitIdle(boolean idle) {
    try {
      next.processIdle(idle);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(next.name(), e);
    }
  }
}
