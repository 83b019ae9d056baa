package io.eddy.lsm.plugin;

/**
 * Decides, during compaction, that a value is dead (expired by TTL, retracted) so it is
 * dropped without a read-modify-write. Only values that no open snapshot can see are
 * offered, so snapshot reads never change.
 *
 * <p>{@link #name()} plus {@link #config()} fully describe a filter: they are sent to
 * remote compaction workers, which rebuild it through {@link Plugins}.
 *
 * <p>Thread safety: must be thread-safe; compactions run concurrently.
 */
public interface CompactionFilter {

  /** A stable name, such as {@code eddy.ttl}. */
  String name();

  /** The filter's parameters as a string its factory can parse (e.g. a TTL in millis). */
  String config();

  /** True to drop this value. */
  boolean remove(byte[] key, byte[] value);
}
