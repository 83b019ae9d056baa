package io.eddy.runtime.io;

/**
 * Records crossing from one subtask to another, as object references with their timestamps.
 * Filled by one producer, then handed over whole; never modified after it is sent.
 */
public final class RecordBatch {
  final Object[] values;
  final long[] timestamps;
  int size;

  RecordBatch(int capacity) {
    this.values = new Object[capacity];
    this.timestamps = new long[capacity];
  }

  boolean add(Object value, long timestamp) {
    values[size] = value;
    timestamps[size] = timestamp;
    return ++size == values.length;
  }

  public int size() {
    return size;
  }

  public Object value(int i) {
    return values[i];
  }

  public long timestamp(int i) {
    return timestamps[i];
  }
}
