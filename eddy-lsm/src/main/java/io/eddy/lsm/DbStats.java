package io.eddy.lsm;

import io.eddy.lsm.cache.CacheStats;

/**
 * A point-in-time view of a store's shape and counters, for metrics and benchmarks.
 * {@code fileCache} is null when no local-disk cache is configured. Immutable.
 */
public record DbStats(
    int[] levelFiles,
    long[] levelBytes,
    long memtableBytes,
    int immutableMemtables,
    long lastSequence,
    int openSnapshots,
    int retainedCheckpoints,
    long flushes,
    long flushBytesWritten,
    long compactions,
    long trivialMoves,
    long compactionBytesWritten,
    long compactionServiceFailures,
    long writeStalls,
    long writeSlowdowns,
    CacheStats blockCache,
    CacheStats fileCache) {

  /**
   * Bytes compactions wrote per byte flushes wrote (0 before the first flush): how often, on
   * average, a flushed byte has been rewritten so far.
   */
  public double writeAmplification() {
    return flushBytesWritten == 0 ? 0 : (double) compactionBytesWritten / flushBytesWritten;
  }

  public long totalFileBytes() {
    long sum = 0;
    for (long b : levelBytes) {
      sum += b;
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("levels:");
    for (int i = 0; i < levelFiles.length; i++) {
      if (levelFiles[i] > 0) {
        sb.append(String.format(" L%d=%d files/%.1f MiB", i, levelFiles[i], levelBytes[i] / 1048576.0));
      }
    }
    sb.append(String.format("; flushes=%d compactions=%d moves=%d stalls=%d slowdowns=%d; %s", flushes, compactions, trivialMoves,
        writeStalls, writeSlowdowns, blockCache));
    if (fileCache != null) {
      sb.append("; ").append(fileCache);
    }
    return sb.toString();
  }
}
