package io.eddy.api.windowing;

import java.io.Serializable;

/**
 * An element of a window together with its timestamp, as {@link Evictor}s see them. Elements
 * without a timestamp (processing time, no watermark strategy) report {@link #hasTimestamp()}
 * false.
 */
public final class TimestampedValue<T> implements Serializable {
  private static final long NO_TIMESTAMP = Long.MIN_VALUE;

  private final T value;
  private final long timestamp;

  public TimestampedValue(T value) {
    this(value, NO_TIMESTAMP);
  }

  public TimestampedValue(T value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }

  public T getValue() {
    return value;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public boolean hasTimestamp() {
    return timestamp != NO_TIMESTAMP;
  }

  @Override
  public String toString() {
    return hasTimestamp() ? value + "@" + timestamp : String.valueOf(value);
  }
}
