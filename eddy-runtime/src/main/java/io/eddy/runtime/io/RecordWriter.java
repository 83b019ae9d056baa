package io.eddy.runtime.io;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.metrics.SimpleCounter;
import io.eddy.api.types.RecordCopier;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.operators.Output;

/**
 * The network end of one edge in a producer subtask: partitions records over the edge's
 * channels, batching them per channel; control events are sent to every channel after the
 * pending records. Each consumer task gets its own copy of a record (Flink serializes it there,
 * with or without object reuse), so neither the producer changing an object it emitted nor a
 * consumer changing its input reaches another task; unless neither can change a record (see
 * {@code RecordSharing}). Runs on the producer's task thread. Counts the records as the producer's
 * {@code numRecordsOut} and notes its output watermark, once {@link #countFor} says whose.
 */
public final class RecordWriter implements Output<Object> {
  private final Channel[] channels;
  private final RecordBatch[] pending;
  private final Partitioner partitioner;
  private final int batchSize;
  private final boolean copy;
  private SimpleCounter numRecordsOut = new SimpleCounter();
  private InternalOperatorMetricGroup producer;

  /** {@code copy}: hand each consumer its own copy of a record. */
  public RecordWriter(Channel[] channels, Partitioner partitioner, int batchSize, boolean copy) {
    this.channels = channels;
    this.copy = copy;
    this.partitioner = partitioner;
    this.batchSize = batchSize;
    this.pending = new RecordBatch[channels.length];
  }

  /**
   * Counts into {@code producer}'s metrics: records into {@code numRecordsOut} (the producer's
   * own, or an unread counter when a routing output above counts them), watermarks as its output
   * watermark.
   */
  public void countFor(InternalOperatorMetricGroup producer, SimpleCounter numRecordsOut) {
    this.producer = producer;
    this.numRecordsOut = numRecordsOut;
  }

  @Override
  public void collect(Object value, long timestamp) {
    numRecordsOut.inc();
    try {
      int c = partitioner.select(value);
      if (c >= 0) {
        append(c, value, timestamp);
      } else {
        for (int i = 0; i < channels.length; i++) {
          append(i, value, timestamp);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Partitioning failed for record " + value, e);
    }
  }

  private void append(int c, Object value, long timestamp) throws InterruptedException {
    if (copy) {
      value = RecordCopier.copy(value);
    }
    RecordBatch batch = pending[c];
    if (batch == null) {
      batch = new RecordBatch(batchSize);
      pending[c] = batch;
    }
    if (batch.add(value, timestamp)) {
      pending[c] = null;
      channels[c].send(batch);
    }
  }

  /** A side output nobody consumes: dropped (consumed side outputs are routed as main records). */
  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    numRecordsOut.inc();
  }

  @Override
  public void emitWatermark(long watermark) {
    if (producer != null) {
      producer.outputWatermark(watermark);
    }
    broadcast(new ControlEvent.WatermarkEvent(watermark));
  }

  @Override
  public void emitIdle(boolean idle) {
    broadcast(new ControlEvent.IdleEvent(idle));
  }

  public void broadcastBarrier(long checkpointId) {
    broadcast(new ControlEvent.Barrier(checkpointId));
  }

  public void endOfData() {
    broadcast(ControlEvent.EndOfData.INSTANCE);
  }

  public void endOfPartition() {
    broadcast(ControlEvent.EndOfPartition.INSTANCE);
  }

  /** Sends every partly filled batch. */
  public void flush() {
    try {
      for (int c = 0; c < channels.length; c++) {
        flush(c);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
  }

  private void flush(int c) throws InterruptedException {
    RecordBatch batch = pending[c];
    if (batch != null && batch.size > 0) {
      pending[c] = null;
      channels[c].send(batch);
    }
  }

  private void broadcast(ControlEvent event) {
    try {
      for (int c = 0; c < channels.length; c++) {
        flush(c);
        channels[c].send(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
  }
}
