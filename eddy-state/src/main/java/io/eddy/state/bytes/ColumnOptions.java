package io.eddy.state.bytes;

/**
 * How a store may maintain a column on its own. {@code appendMerge}: {@link KvColumn#append}
 * concatenates operands (list state) and the store may fold them lazily. {@code ttlMillis} > 0:
 * every value begins with an 8-byte big-endian last-access timestamp (processing time in ms),
 * and compaction may drop a value whose timestamp is older than {@code ttlMillis} before now;
 * readers filter expired values anyway, so cleanup only reclaims space.
 */
public record ColumnOptions(boolean appendMerge, long ttlMillis) {
  public static final ColumnOptions PLAIN = new ColumnOptions(false, 0);
}
