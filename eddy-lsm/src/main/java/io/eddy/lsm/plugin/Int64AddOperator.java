package io.eddy.lsm.plugin;

import java.util.List;

/**
 * Adds signed 64-bit integers (8 bytes, big-endian): operands are deltas, the value is the
 * sum; a missing base counts as 0. Name {@value #NAME}. Stateless, thread-safe.
 */
public final class Int64AddOperator implements MergeOperator {
  public static final String NAME = "eddy.int64add";

  @Override
  public String name() {
    return NAME;
  }

  public static byte[] encode(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>= 8;
    }
    return b;
  }

  public static long decode(byte[] b) {
    if (b.length != 8) {
      throw new IllegalArgumentException(NAME + ": expected 8 bytes, got " + b.length);
    }
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  @Override
  public byte[] fullMerge(byte[] key, byte[] base, List<byte[]> operands) {
    long sum = base == null ? 0 : decode(base);
    for (byte[] op : operands) {
      sum += decode(op);
    }
    return encode(sum);
  }

  @Override
  public byte[] partialMerge(byte[] key, byte[] older, byte[] newer) {
    return encode(decode(older) + decode(newer));
  }
}
