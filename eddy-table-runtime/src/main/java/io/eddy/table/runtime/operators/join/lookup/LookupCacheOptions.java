package io.eddy.table.runtime.operators.join.lookup;

import java.io.Serializable;
import java.time.Duration;

/**
 * The settings of a lookup join's partial cache (Flink's {@code lookup.partial-cache.*} options):
 * at most {@code maxRows} keys, each dropped {@code expireAfterWrite} after it was fetched or
 * {@code expireAfterAccess} after it was last read (null for never), and whether a key without
 * rows is cached too ({@code cacheMissingKey}).
 */
public record LookupCacheOptions(long maxRows, Duration expireAfterWrite, Duration expireAfterAccess,
    boolean cacheMissingKey) implements Serializable {
  public LookupCacheOptions {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("lookup.partial-cache.max-rows must be positive, was " + maxRows);
    }
  }
}
