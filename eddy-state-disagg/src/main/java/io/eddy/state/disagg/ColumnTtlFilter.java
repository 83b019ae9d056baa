package io.eddy.state.disagg;

import io.eddy.lsm.plugin.CompactionFilter;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Drops expired values of TTL columns during compaction, so state nobody reads again does not
 * stay on the FileSystem forever. One LSM tree holds all columns of a store part, each with its
 * own TTL (or none), so the filter reads the column id from the stored key ({@link ColumnKeys})
 * and the value's first 8 bytes as the big-endian last-access time ({@link
 * io.eddy.state.bytes.ColumnOptions}). Columns without TTL, values shorter than 8 bytes and keys
 * without a column id are kept. Readers filter expired values themselves, so this only reclaims
 * space, and it must never drop a value a reader would still return.
 *
 * <p>The clock: "now" is the newest last-access time written to a TTL column of the part
 * ({@link #observe}), not the wall clock. Last-access times come from the operator's
 * processing-time clock, which may be a test's manual clock or another machine's; the newest
 * one written is never ahead of the readers' clock, so a value this filter drops
 * ({@code lastAccess + ttl < now}) is already expired for every reader. Until something is
 * written (e.g. right after a restore) nothing is dropped.
 *
 * <p>Name {@value #NAME}; {@link #config()} is {@code now|id:ttlMillis,...}, so a remote
 * compaction worker rebuilds the same filter through {@link DisaggregatedPlugins}. Every
 * compaction job reads the config anew, so it carries the current clock and later columns.
 *
 * <p>Thread safety: thread-safe. {@link #setTtl} and {@link #observe} are called by the task
 * thread (one writer); compaction threads read.
 */
final class ColumnTtlFilter implements CompactionFilter {
  static final String NAME = "eddy.state.column-ttl";
  private static final long NOTHING_WRITTEN = Long.MIN_VALUE;

  private volatile long now = NOTHING_WRITTEN;
  private volatile long[] ttlById = new long[0];

  /** A filter with the clock and TTLs of {@code config} (what {@link #config()} wrote). */
  static ColumnTtlFilter parse(String config) {
    ColumnTtlFilter filter = new ColumnTtlFilter();
    int bar = config.indexOf('|');
    filter.observe(Long.parseLong(config.substring(0, bar)));
    for (String pair : config.substring(bar + 1).split(",")) {
      if (!pair.isEmpty()) {
        int colon = pair.indexOf(':');
        filter.setTtl(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
      }
    }
    return filter;
  }

  /** Sets the TTL of column {@code id}; 0 means none. */
  synchronized void setTtl(int id, long ttlMillis) {
    long[] next = Arrays.copyOf(ttlById, Math.max(ttlById.length, id + 1));
    next[id] = Math.max(0, ttlMillis);
    ttlById = next;
  }

  /** Advances the clock to a last-access time just written. */
  void observe(long lastAccess) {
    if (lastAccess > now) {
      now = lastAccess;
    }
  }

  /** Advances the clock to the last-access time at the front of {@code value}, if it has one. */
  void observe(byte[] value) {
    if (value.length >= 8) {
      observe(lastAccess(value));
    }
  }

  private static long lastAccess(byte[] value) {
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = (t << 8) | (value[i] & 0xff);
    }
    return t;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String config() {
    long[] ttls = ttlById;
    StringJoiner pairs = new StringJoiner(",", now + "|", "");
    for (int id = 0; id < ttls.length; id++) {
      if (ttls[id] > 0) {
        pairs.add(id + ":" + ttls[id]);
      }
    }
    return pairs.toString();
  }

  @Override
  public boolean remove(byte[] key, byte[] value) {
    if (key.length < 4 || value.length < 8) {
      return false;
    }
    long[] ttls = ttlById;
    int id = ColumnKeys.columnId(key);
    if (id >= ttls.length || ttls[id] == 0) {
      return false;
    }
    long t = now;
    return t != NOTHING_WRITTEN && lastAccess(value) + ttls[id] < t;
  }
}
