package io.eddy.lsm.plugin;

import java.util.function.LongSupplier;

/**
 * Drops values whose write time is older than a TTL. The value layout is the state
 * backend's: the first 8 bytes are the big-endian write timestamp in epoch millis. Values
 * shorter than 8 bytes are kept. Name {@value #NAME}, config = TTL millis. Thread-safe.
 */
public final class TtlCompactionFilter implements CompactionFilter {
  public static final String NAME = "eddy.ttl";

  private final long ttlMillis;
  private final LongSupplier clock;

  public TtlCompactionFilter(long ttlMillis, LongSupplier clockMillis) {
    if (ttlMillis <= 0) {
      throw new IllegalArgumentException("ttl must be positive: " + ttlMillis);
    }
    this.ttlMillis = ttlMillis;
    this.clock = clockMillis;
  }

  public TtlCompactionFilter(long ttlMillis) {
    this(ttlMillis, System::currentTimeMillis);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String config() {
    return Long.toString(ttlMillis);
  }

  @Override
  public boolean remove(byte[] key, byte[] value) {
    if (value.length < 8) {
      return false;
    }
    long written = Int64AddOperator.decode(java.util.Arrays.copyOf(value, 8));
    return written + ttlMillis < clock.getAsLong();
  }
}
