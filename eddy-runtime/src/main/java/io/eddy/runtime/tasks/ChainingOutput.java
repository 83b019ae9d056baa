package io.eddy.runtime.tasks;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.metrics.SimpleCounter;
import io.eddy.api.types.RecordCopier;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.Output;

/**
 * Hands records straight to the next operator of the chain (a method call, no queue): a copy of
 * each record without object reuse ({@code pipeline.object-reuse} false, Flink's default and its
 * CopyingChainingOutput), the record itself with it. Counts them as the producer's {@code numRecordsOut} (unless a {@link RoutingOutput} above
 * counts them) and the next operator's {@code numRecordsIn}, and noting the watermark as both
 * their output and input watermark.
 */
final class ChainingOutput implements Output<Object> {
  private final OneInputOperator<Object> next;
  private final InternalOperatorMetricGroup producerMetrics;
  private final InternalOperatorMetricGroup nextMetrics;
  private final SimpleCounter numRecordsOut;
  private final SimpleCounter numRecordsIn;
  private final boolean copy;

  /**
   * @param numRecordsOut the producer's counter, or an unread one when a {@link RoutingOutput} counts
   * @param copy hand the next operator a copy of each record (object reuse is off)
   */
  ChainingOutput(OneInputOperator<Object> next, InternalOperatorMetricGroup producerMetrics,
      SimpleCounter numRecordsOut, InternalOperatorMetricGroup nextMetrics, boolean copy) {
    this.next = next;
    this.copy = copy;
    this.producerMetrics = producerMetrics;
    this.nextMetrics = nextMetrics;
    this.numRecordsOut = numRecordsOut;
    this.numRecordsIn = nextMetrics.numRecordsIn();
  }

  @Override
  public void collect(Object value, long timestamp) {
    numRecordsOut.inc();
    numRecordsIn.inc();
    try {
      next.processElement(copy ? RecordCopier.copy(value) : value, timestamp);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Exception e) {
      throw new OperatorException(next.name(), e);
    }
  }

  /** A side output nobody consumes: dropped (consumed side outputs are routed as main records). */
  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    numRecordsOut.inc();
  }

  @Override
  public void emitWatermark(long watermark) {
    producerMetrics.outputWatermark(watermark);
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
