package io.eddy.runtime.checkpoint;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered output stream without the JDK's per-call lock: state files are written by one
 * thread in many small writes (a key, a value), where {@link java.io.BufferedOutputStream}'s
 * locking is a measurable share of checkpoint time. Not thread-safe.
 */
final class UnsynchronizedBufferedOutput extends OutputStream {
  private final OutputStream out;
  private final byte[] buffer;
  private int count;

  UnsynchronizedBufferedOutput(OutputStream out, int size) {
    this.out = out;
    this.buffer = new byte[size];
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buffer.length) {
      drain();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len >= buffer.length) {
      drain();
      out.write(b, off, len);
      return;
    }
    if (len > buffer.length - count) {
      drain();
    }
    System.arraycopy(b, off, buffer, count, len);
    count += len;
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }
}
