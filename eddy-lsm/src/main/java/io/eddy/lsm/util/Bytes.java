package io.eddy.lsm.util;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The key order of the store (unsigned lexicographic bytes, recorded in files as
 * {@link #COMPARATOR_NAME}) and small byte helpers. Stateless and thread-safe.
 */
public final class Bytes {
  /** The stable name of the key order, written into manifests and SST properties. */
  public static final String COMPARATOR_NAME = "eddy.bytewise";

  private Bytes() {}

  /** Unsigned lexicographic comparison. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
  public static byte[] prefixSuccessor(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if ((prefix[i] & 0xff) != 0xff) {
        byte[] out = Arrays.copyOf(prefix, i + 1);
        out[i]++;
        return out;
      }
    }
    return null;
  }

  /**
   * The first 8 bytes of {@code key} as a big-endian long, zero-padded. Comparing two
   * prefixes unsigned gives the sign of {@link #compare} whenever the prefixes differ, so
   * hot searches can often decide without touching the key arrays.
   */
  public static long prefix(byte[] key) {
    long p = 0;
    int n = Math.min(8, key.length);
    for (int i = 0; i < n; i++) {
      p |= (key[i] & 0xffL) << (56 - 8 * i);
    }
    return p;
  }

  /** Hex for error messages and debugging, shortened past 32 bytes. */
  public static String hex(byte[] key) {
    if (key == null) {
      return "null";
    }
    if (key.length <= 32) {
      return HexFormat.of().formatHex(key);
    }
    return HexFormat.of().formatHex(key, 0, 32) + "..(" + key.length + ")";
  }

  /** 64-bit hash of a byte range (a murmur-style mix; fixed forever: bloom filters depend on it). */
  public static long hash64(byte[] data, int off, int len) {
    long h = 0x9E3779B97F4A7C15L ^ (len * 0xC2B2AE3D27D4EB4FL);
    int i = off;
    int end = off + len;
    while (i + 8 <= end) {
      long k = Coding.getLongLE(data, i);
      k *= 0x87C37B91114253D5L;
      k = Long.rotateLeft(k, 31);
      k *= 0x4CF5AD432745937FL;
      h ^= k;
      h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
      i += 8;
    }
    long tail = 0;
    int shift = 0;
    while (i < end) {
      tail |= (data[i++] & 0xffL) << shift;
      shift += 8;
    }
    h ^= tail * 0x87C37B91114253D5L;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
