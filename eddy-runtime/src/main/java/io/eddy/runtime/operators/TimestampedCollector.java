package io.eddy.runtime.operators;

import io.eddy.api.functions.Collector;

/** Collects a function's outputs with the timestamp of the record (or timer) being processed. */
final class TimestampedCollector<T> implements Collector<T> {
  private final Output<T> output;
  private long timestamp = Output.NO_TIMESTAMP;

  TimestampedCollector(Output<T> output) {
    this.output = output;
  }

  void setTimestamp(long timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public void collect(T record) {
    output.collect(record, timestamp);
  }
}
