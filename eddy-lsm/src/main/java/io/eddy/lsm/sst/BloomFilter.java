package io.eddy.lsm.sst;

import io.eddy.lsm.util.Bytes;

/**
 * The whole-file bloom filter over user keys (policy name {@value #NAME}), cache-blocked:
 * the high 32 bits of {@link Bytes#hash64} pick one 512-bit (64-byte) block and all
 * {@code k} probes fall inside it, so a lookup touches one cache line. Encoded as the
 * blocks followed by one byte holding {@code k}. Checked before any data block is read, so
 * a miss usually costs no I/O. Stateless and thread-safe.
 */
public final class BloomFilter {
  public static final String NAME = "eddy.bloom64.blocked.v1";

  private BloomFilter() {}

  public static long hash(byte[] key) {
    return Bytes.hash64(key, 0, key.length);
  }

  /** Builds a filter over {@code count} key hashes. */
  public static byte[] build(long[] hashes, int count, int bitsPerKey) {
    int k = Math.max(1, Math.min(30, (int) Math.round(bitsPerKey * 0.69)));
    long bits = Math.max(512L, (long) count * bitsPerKey);
    int blocks = (int) ((bits + 511) / 512);
    byte[] out = new byte[blocks * 64 + 1];
    for (int i = 0; i < count; i++) {
      long h = hashes[i];
      int base = blockOf(h, blocks) * 512;
      int x = (int) h;
      int delta = (x >>> 17) | (x << 15);
      for (int j = 0; j < k; j++) {
        int bit = base + (x & 511);
        out[bit >>> 3] |= (byte) (1 << (bit & 7));
        x += delta;
      }
    }
    out[blocks * 64] = (byte) k;
    return out;
  }

  private static int blockOf(long hash, int blocks) {
    return (int) (((hash >>> 32) * blocks) >>> 32);
  }

  /** False means the key is certainly absent. An empty filter admits everything. */
  public static boolean mayContain(byte[] filter, long hash) {
    if (filter == null || filter.length < 65) {
      return true;
    }
    int blocks = (filter.length - 1) / 64;
    int k = filter[filter.length - 1];
    int base = blockOf(hash, blocks) * 512;
    int x = (int) hash;
    int delta = (x >>> 17) | (x << 15);
    for (int j = 0; j < k; j++) {
      int bit = base + (x & 511);
      if ((filter[bit >>> 3] & (1 << (bit & 7))) == 0) {
        return false;
      }
      x += delta;
    }
    return true;
  }
}
