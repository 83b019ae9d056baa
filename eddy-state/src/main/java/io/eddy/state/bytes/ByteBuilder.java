package io.eddy.state.bytes;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable, unsynchronized buffer that serializers write into ({@link #out()}) to build state
 * keys and values without a new stream per access. {@link #mark()} and {@link #reset(int)} let
 * a prefix (key group, key, namespace) stay in place while suffixes are rewritten.
 */
final class ByteBuilder extends OutputStream {
  private byte[] buffer = new byte[64];
  private int length;
  private final DataOutputStream out = new DataOutputStream(this);

  /** A DataOutput appending to this buffer. */
  DataOutputStream out() {
    return out;
  }

  int mark() {
    return length;
  }

  void reset(int mark) {
    length = mark;
  }

  void writeShort(int value) {
    ensure(2);
    buffer[length++] = (byte) (value >>> 8);
    buffer[length++] = (byte) value;
  }

  void writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[length++] = (byte) (value >>> shift);
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, length, len);
    length += len;
  }

  /** A copy of the bytes written so far. */
  byte[] toArray() {
    return Arrays.copyOf(buffer, length);
  }

  private void ensure(int extra) {
    if (length + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
    }
  }
}
