package io.eddy.state.bytes;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A reusable, unsynchronized buffer that serializers write into ({@link #out()}) to build state
 * keys and values without a new stream per access (Flink's DataOutputSerializer): primitives go
 * straight into the array, without the lock and the copy of a DataOutputStream. {@link #mark()}
 * and {@link #reset(int)} let a prefix (key group, key, namespace) stay in place while suffixes
 * are rewritten.
 */
final class ByteBuilder extends OutputStream implements DataOutput {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer = new byte[64];
  private int length;
  /** For {@link #writeUTF} of strings beyond ASCII, whose modified UTF-8 the JDK encodes. */
  private DataOutputStream utf;

  /** A DataOutput appending to this buffer. */
  DataOutput out() {
    return this;
  }

  int mark() {
    return length;
  }

  void reset(int mark) {
    length = mark;
  }

  @Override
  public void write(int b) {
    ensure(1);
    buffer[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b) {
    write(b, 0, b.length);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buffer, length, len);
    length += len;
  }

  @Override
  public void writeBoolean(boolean v) {
    write(v ? 1 : 0);
  }

  @Override
  public void writeByte(int v) {
    write(v);
  }

  @Override
  public void writeShort(int v) {
    ensure(2);
    buffer[length++] = (byte) (v >>> 8);
    buffer[length++] = (byte) v;
  }

  @Override
  public void writeChar(int v) {
    writeShort(v);
  }

  @Override
  public void writeInt(int v) {
    ensure(4);
    INT.set(buffer, length, v);
    length += 4;
  }

  @Override
  public void writeLong(long v) {
    ensure(8);
    LONG.set(buffer, length, v);
    length += 8;
  }

  @Override
  public void writeFloat(float v) {
    writeInt(Float.floatToIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToLongBits(v));
  }

  @Override
  public void writeBytes(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buffer[length++] = (byte) s.charAt(i);
    }
  }

  @Override
  public void writeChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      writeChar(s.charAt(i));
    }
  }

  /** ASCII without NUL (class names, most identifiers) directly; anything else as the JDK encodes it. */
  @Override
  public void writeUTF(String s) throws IOException {
    int n = s.length();
    if (n <= 0xffff) {
      ensure(2 + n);
      int at = length + 2;
      int i = 0;
      for (; i < n; i++) {
        char c = s.charAt(i);
        if (c == 0 || c >= 0x80) {
          break;
        }
        buffer[at + i] = (byte) c;
      }
      if (i == n) {
        writeShort(n);
        length += n;
        return;
      }
    }
    if (utf == null) {
      utf = new DataOutputStream(this);
    }
    utf.writeUTF(s);
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
