package io.eddy.lsm.db;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The sequence numbers of open snapshots, with multiplicity. Compaction asks for them to
 * keep every version some snapshot can still see.
 *
 * <p>Thread safety: thread-safe.
 */
public final class SnapshotList {
  private final ConcurrentSkipListMap<Long, Integer> open = new ConcurrentSkipListMap<>();

  public void add(long sequence) {
    open.merge(sequence, 1, Integer::sum);
  }

  public void remove(long sequence) {
    open.computeIfPresent(sequence, (k, v) -> v == 1 ? null : v - 1);
  }

  /** Open snapshot sequences, ascending, without duplicates. */
  public long[] sequences() {
    return open.keySet().stream().mapToLong(Long::longValue).toArray();
  }

  public int size() {
    return open.values().stream().mapToInt(Integer::intValue).sum();
  }
}
