package io.eddy.api.time;

/** Reads the event time of a record; {@code recordTimestamp} is the one it arrived with, if any. */
@FunctionalInterface
public interface TimestampAssigner<T> {
  long NO_TIMESTAMP = Long.MIN_VALUE;

  long extractTimestamp(T element, long recordTimestamp);
}
