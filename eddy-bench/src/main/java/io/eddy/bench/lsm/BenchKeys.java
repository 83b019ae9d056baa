package io.eddy.bench.lsm;

import java.util.Random;

/**
 * Deterministic benchmark data: 16-byte keys whose first 8 bytes are a hash of the index
 * (so inserting indexes in order writes keys in random order) and whose last 8 bytes are
 * the index; absent keys use indexes past the key count. Values are slices of one random
 * buffer. Not thread-safe.
 */
final class BenchKeys {
  private final long count;
  private final int valueSize;
  private final byte[] random = new byte[1 << 20];

  BenchKeys(long count, int valueSize) {
    this.count = count;
    this.valueSize = valueSize;
    new Random(7).nextBytes(random);
  }

  long count() {
    return count;
  }

  static long mix(long x) {
    x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
    x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }

  static byte[] key(long index) {
    byte[] k = new byte[16];
    long h = mix(index);
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (h >>> (56 - 8 * i));
      k[8 + i] = (byte) (index >>> (56 - 8 * i));
    }
    return k;
  }

  /** The key of an existing index. */
  byte[] present(long index) {
    return key(index);
  }

  /** A key that was never written. */
  byte[] absent(long index) {
    return key(count + index);
  }

  byte[] value(long index) {
    int off = (int) (mix(index) & 0x7FFFF);
    byte[] v = new byte[valueSize];
    System.arraycopy(random, off, v, 0, valueSize);
    return v;
  }
}
