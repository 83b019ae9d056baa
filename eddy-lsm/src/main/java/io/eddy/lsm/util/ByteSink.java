package io.eddy.lsm.util;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for building blocks, manifests and protocol messages without
 * per-entry allocation. Not thread-safe: one builder per thread.
 */
public final class ByteSink {
  private byte[] buf;
  private int size;

  public ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public ByteSink put(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
    return this;
  }

  public ByteSink put(byte[] b) {
    return put(b, 0, b.length);
  }

  public ByteSink putByte(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public ByteSink putIntLE(int v) {
    ensure(4);
    Coding.putIntLE(buf, size, v);
    size += 4;
    return this;
  }

  public ByteSink putLongLE(long v) {
    ensure(8);
    Coding.putLongLE(buf, size, v);
    size += 8;
    return this;
  }

  public ByteSink putVarint(long v) {
    ensure(10);
    size = Coding.putVarint(buf, size, v);
    return this;
  }

  /** A varint length followed by the bytes. */
  public ByteSink putLengthPrefixed(byte[] b) {
    putVarint(b.length);
    return put(b);
  }

  public ByteSink putString(String s) {
    return putLengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
  }

  public int size() {
    return size;
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  public void reset() {
    size = 0;
  }
}
