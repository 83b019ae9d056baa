package io.eddy.lsm.sst;

import io.eddy.lsm.util.Bytes;

/**
 * The whole-file bloom filter over user keys (policy name {@value #NAME}): {@code k}
 * probes by double hashing of {@link Bytes#hash64}. Encoded as the bit array followed by
 * one byte holding {@code k}. Checked before any data block is read, so a miss usually
 * costs no I/O. Stateless and thread-safe.
 */
public final class BloomFilter {
  public static final String NAME = "eddy.bloom64.v1";

  private BloomFilter() {}

  public static long hash(byte[] key) {
    return Bytes.hash64(key, 0, key.length);
  }

  /** Builds a filter over {@code count} key hashes. */
  public static byte[] build(long[] hashes, int count, int bitsPerKey) {
    int k = Math.max(1, Math.min(30, (int) Math.round(bitsPerKey * 0.69)));
    long bits = Math.max(64L, (long) count * bitsPerKey);
    int bytes = (int) ((bits + 7) / 8);
    bits = bytes * 8L;
    byte[] out = new byte[bytes + 1];
    for (int i = 0; i < count; i++) {
      long h = hashes[i];
      int h1 = (int) h;
      int h2 = (int) (h >>> 32);
      for (int j = 0; j < k; j++) {
        long bit = Integer.toUnsignedLong(h1 + j * h2) % bits;
        out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
      }
    }
    out[bytes] = (byte) k;
    return out;
  }

  /** False means the key is certainly absent. An empty filter admits everything. */
  public static boolean mayContain(byte[] filter, long hash) {
    if (filter == null || filter.length < 2) {
      return true;
    }
    int bytes = filter.length - 1;
    long bits = bytes * 8L;
    int k = filter[bytes];
    int h1 = (int) hash;
    int h2 = (int) (hash >>> 32);
    for (int j = 0; j < k; j++) {
      long bit = Integer.toUnsignedLong(h1 + j * h2) % bits;
      if ((filter[(int) (bit >>> 3)] & (1 << (bit & 7))) == 0) {
        return false;
      }
    }
    return true;
  }
}
