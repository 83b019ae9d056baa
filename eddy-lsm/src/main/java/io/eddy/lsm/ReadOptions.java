package io.eddy.lsm;

import io.eddy.lsm.util.Bytes;

/**
 * Options of one read or iterator: the snapshot to read at (null = latest) and, for
 * iterators, a lower bound (inclusive) and an upper bound (exclusive). Immutable.
 */
public record ReadOptions(Snapshot snapshot, byte[] lowerBound, byte[] upperBound) {
  public static final ReadOptions DEFAULT = new ReadOptions(null, null, null);

  /** Reads at {@code snapshot}. */
  public static ReadOptions at(Snapshot snapshot) {
    return new ReadOptions(snapshot, null, null);
  }

  /** Iterates the keys in {@code range}. */
  public static ReadOptions range(KeyRange range) {
    return new ReadOptions(null, range.start(), range.end());
  }

  /** Iterates the keys starting with {@code prefix}. */
  public static ReadOptions prefix(byte[] prefix) {
    return new ReadOptions(null, prefix, Bytes.prefixSuccessor(prefix));
  }

  public ReadOptions withSnapshot(Snapshot s) {
    return new ReadOptions(s, lowerBound, upperBound);
  }

  KeyRange bounds() {
    return new KeyRange(lowerBound, upperBound);
  }
}
