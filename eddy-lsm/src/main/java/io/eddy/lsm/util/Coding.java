package io.eddy.lsm.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fixed-width and varint encodings shared by every file format (little-endian fixed ints,
 * LevelDB-style base-128 varints). Stateless and thread-safe.
 */
public final class Coding {
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Coding() {}

  public static int getIntLE(byte[] b, int off) {
    return (int) INT_LE.get(b, off);
  }

  public static void putIntLE(byte[] b, int off, int v) {
    INT_LE.set(b, off, v);
  }

  public static long getLongLE(byte[] b, int off) {
    return (long) LONG_LE.get(b, off);
  }

  public static void putLongLE(byte[] b, int off, long v) {
    LONG_LE.set(b, off, v);
  }

  /** Writes a varint at {@code off}; returns the offset after it. */
  public static int putVarint(byte[] b, int off, long v) {
    while ((v & ~0x7FL) != 0) {
      b[off++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[off++] = (byte) v;
    return off;
  }

  /** Bytes a varint of {@code v} takes. */
  public static int varintLength(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  /**
   * Decodes the varint at {@code pos[0]} and advances {@code pos[0]} past it.
   *
   * @throws IllegalStateException if it runs past {@code limit} or is longer than 10 bytes
   */
  public static long getVarint(byte[] b, int[] pos, int limit) {
    long result = 0;
    int p = pos[0];
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= limit) {
        throw new IllegalStateException("truncated varint at " + pos[0]);
      }
      byte x = b[p++];
      result |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        pos[0] = p;
        return result;
      }
    }
    throw new IllegalStateException("varint too long at " + pos[0]);
  }
}
