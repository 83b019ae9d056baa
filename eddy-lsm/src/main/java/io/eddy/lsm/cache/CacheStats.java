package io.eddy.lsm.cache;

/** A point-in-time view of one cache tier's counters. Immutable. */
public record CacheStats(String tier, long hits, long misses, long usedBytes, long capacityBytes) {
  public double hitRate() {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }

  @Override
  public String toString() {
    return String.format("%s: hits=%d misses=%d hitRate=%.3f used=%d/%d bytes", tier, hits, misses, hitRate(), usedBytes, capacityBytes);
  }
}
