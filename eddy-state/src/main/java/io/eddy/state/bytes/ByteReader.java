package io.eddy.state.bytes;

import io.eddy.api.types.Utf8Input;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInput} reading a range of a byte array in place (Flink's DataInputDeserializer):
 * what serializers read stored keys and values from. Unlike a DataInputStream over a
 * ByteArrayInputStream it takes no lock and copies nothing per primitive, and one instance is
 * reused for every value by {@link #reset}. Not thread-safe.
 */
final class ByteReader implements Utf8Input {
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private byte[] bytes;
  private int position;
  private int end;

  ByteReader() {
    this(new byte[0], 0, 0);
  }

  ByteReader(byte[] bytes, int offset, int length) {
    reset(bytes, offset, length);
  }

  /** Reads {@code length} bytes of {@code bytes} from {@code offset} next. */
  ByteReader reset(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
    return this;
  }

  /** The offset in the array of the next byte to read. */
  int position() {
    return position;
  }

  private int take(int n) throws EOFException {
    int at = position;
    if (n > end - at) {
      throw new EOFException("wanted " + n + " bytes at offset " + at + ", the value ends at " + end);
    }
    position = at + n;
    return at;
  }

  @Override
  public void readFully(byte[] b) throws IOException {
    readFully(b, 0, b.length);
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    System.arraycopy(bytes, take(len), b, off, len);
  }

  @Override
  public int skipBytes(int n) {
    int skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public boolean readBoolean() throws IOException {
    return bytes[take(1)] != 0;
  }

  @Override
  public byte readByte() throws IOException {
    return bytes[take(1)];
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return bytes[take(1)] & 0xff;
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    int at = take(2);
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }

  @Override
  public char readChar() throws IOException {
    return (char) readUnsignedShort();
  }

  @Override
  public int readInt() throws IOException {
    return (int) INT.get(bytes, take(4));
  }

  @Override
  public long readLong() throws IOException {
    return (long) LONG.get(bytes, take(8));
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  /** Not used by serializers (DataInputStream deprecates it too). */
  @Override
  public String readLine() {
    throw new UnsupportedOperationException("readLine");
  }

  @Override
  public String readUTF() throws IOException {
    int n = ((bytes[take(2)] & 0xff) << 8) | (bytes[position - 1] & 0xff);
    int at = take(n);
    for (int i = at; i < at + n; i++) {
      if (bytes[i] <= 0) { // beyond ASCII, or NUL (written as two bytes): as the JDK decodes it
        position = at - 2;
        return DataInputStream.readUTF(this);
      }
    }
    return new String(bytes, at, n, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String readUtf8(int length) throws IOException {
    if (length < 0) {
      throw new EOFException("negative string length " + length + " at offset " + (position - 4));
    }
    return new String(bytes, take(length), length, java.nio.charset.StandardCharsets.UTF_8);
  }
}
