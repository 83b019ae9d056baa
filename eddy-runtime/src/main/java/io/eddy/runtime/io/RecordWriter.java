package io.eddy.runtime.io;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.operators.Output;

/**
 * The network end of one edge in a producer subtask: partitions records over the edge's
 * channels, batching them per channel; control events are sent to every channel after the
 * pending records. Runs on the producer's task thread.
 */
public final class RecordWriter implements Output<Object> {
  private final Channel[] channels;
  private final RecordBatch[] pending;
  private final Partitioner partitioner;
  private final int batchSize;

  public RecordWriter(Channel[] channels, Partitioner partitioner, int batchSize) {
    this.channels = channels;
    this.partitioner = partitioner;
    this.batchSize = batchSize;
    this.pending = new RecordBatch[channels.length];
  }

  @Override
  public void collect(Object value, long timestamp) {
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
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

  @Override
  public void emitWatermark(long watermark) {
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
