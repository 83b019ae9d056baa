package io.eddy.api.connector;

/** Where a source reader emits records, with or without a timestamp from the source itself. */
public interface ReaderOutput<T> {
  void collect(T record);

  void collect(T record, long timestamp);
}
