package io.eddy.lsm.sst;

import io.eddy.lsm.util.Coding;
import java.util.Arrays;

/**
 * A cursor over one {@link Block}: binary search over restart points, then a linear scan
 * that rebuilds prefix-compressed keys in a reused buffer. Accessors that compare or
 * expose raw bytes avoid copying; {@link #key()} and {@link #value()} copy.
 *
 * <p>Thread safety: one thread at a time (the block itself is shared and immutable).
 * Malformed blocks raise {@link IllegalStateException}; checksums make that unreachable
 * for data read from files.
 */
public final class BlockIterator {
  private final Block block;
  private final byte[] data;
  private byte[] keyBuf = new byte[64];
  private int keyLength;
  private int current = -1;
  private int next;
  private int valueOffset;
  private int valueLength;

  BlockIterator(Block block) {
    this.block = block;
    this.data = block.data;
  }

  public boolean valid() {
    return current >= 0;
  }

  public void seekToFirst() {
    next = 0;
    keyLength = 0;
    advance();
  }

  public void next() {
    advance();
  }

  private int varint(int[] pos) {
    int p = pos[0];
    int b = data[p];
    if (b >= 0) {
      pos[0] = p + 1;
      return b;
    }
    return (int) Coding.getVarint(data, pos, block.restartsOffset);
  }

  private final int[] cursor = new int[1];

  private void advance() {
    if (next >= block.restartsOffset) {
      current = -1;
      return;
    }
    current = next;
    cursor[0] = next;
    int shared = varint(cursor);
    int unshared = varint(cursor);
    int vlen = varint(cursor);
    int p = cursor[0];
    int len = shared + unshared;
    if (shared > keyLength || p + unshared + vlen > block.restartsOffset || len < 8) {
      throw new IllegalStateException("corrupt block entry at " + current);
    }
    if (keyBuf.length < len) {
      keyBuf = Arrays.copyOf(keyBuf, Math.max(len, keyBuf.length * 2));
    }
    System.arraycopy(data, p, keyBuf, shared, unshared);
    keyLength = len;
    valueOffset = p + unshared;
    valueLength = vlen;
    next = valueOffset + vlen;
  }

  /** Compares the full key at restart point {@code r} with (key, trailer). */
  private int compareRestart(int r, byte[] key, long trailer) {
    cursor[0] = block.restartPoint(r);
    varint(cursor);
    int unshared = varint(cursor);
    varint(cursor);
    int p = cursor[0];
    int c = Arrays.compareUnsigned(data, p, p + unshared - 8, key, 0, key.length);
    if (c != 0) {
      return c;
    }
    return Long.compareUnsigned(trailer, Coding.getLongLE(data, p + unshared - 8));
  }

  /** Positions at the first entry at or after (key, trailer). */
  public void seek(byte[] key, long trailer) {
    int lo = 0;
    int hi = block.restartCount - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (compareRestart(mid, key, trailer) < 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    next = block.restartPoint(lo);
    keyLength = 0;
    advance();
    while (current >= 0 && compareCurrent(key, trailer) < 0) {
      advance();
    }
  }

  private int compareCurrent(byte[] key, long trailer) {
    int c = compareUserKey(key);
    return c != 0 ? c : Long.compareUnsigned(trailer, trailer());
  }

  /** Compares the current user key with {@code key}, without copying. */
  public int compareUserKey(byte[] key) {
    return Arrays.compareUnsigned(keyBuf, 0, keyLength - 8, key, 0, key.length);
  }

  public long trailer() {
    return Coding.getLongLE(keyBuf, keyLength - 8);
  }

  public byte[] key() {
    return Arrays.copyOf(keyBuf, keyLength - 8);
  }

  public byte[] value() {
    return Arrays.copyOfRange(data, valueOffset, valueOffset + valueLength);
  }

  /** The array holding the current value (the block's data); see {@link #valueOffset()}. */
  public byte[] valueArray() {
    return data;
  }

  public int valueOffset() {
    return valueOffset;
  }

  public int valueLength() {
    return valueLength;
  }
}
