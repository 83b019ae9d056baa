package io.eddy.lsm.util;

import java.util.Arrays;

/**
 * The MVCC key layout: every stored entry is (user key, trailer) where
 * {@code trailer = sequence << 8 | type}. Entries sort by user key ascending, then trailer
 * descending, so the newest version of a key comes first. Stateless and thread-safe.
 */
public final class InternalKey {
  /** A tombstone. */
  public static final int TYPE_DELETE = 0;
  /** A full value. */
  public static final int TYPE_PUT = 1;
  /** A merge operand, combined by the merge operator on read and in compaction. */
  public static final int TYPE_MERGE = 2;

  /** The largest sequence number (56 bits). */
  public static final long MAX_SEQUENCE = (1L << 56) - 1;

  private InternalKey() {}

  public static long trailer(long sequence, int type) {
    return (sequence << 8) | type;
  }

  public static long sequence(long trailer) {
    return trailer >>> 8;
  }

  public static int type(long trailer) {
    return (int) (trailer & 0xff);
  }

  /** The trailer to seek to for "newest version of a key visible at {@code snapshot}". */
  public static long seekTrailer(long snapshot) {
    return (snapshot << 8) | 0xff;
  }

  /** Orders (key, trailer) pairs: key ascending, then trailer descending. */
  public static int compare(byte[] aKey, long aTrailer, byte[] bKey, long bTrailer) {
    int c = Arrays.compareUnsigned(aKey, bKey);
    return c != 0 ? c : Long.compareUnsigned(bTrailer, aTrailer);
  }
}
