package io.eddy.fs;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The writer of one new file. {@link #close()} publishes the file whole and atomically;
 * {@link #abort()} discards everything written so far. After a failed {@code write} the
 * caller should {@code abort()}; a close after a failure publishes nothing and rethrows.
 *
 * <p>Thread safety: confined to one thread at a time, like any {@link OutputStream}.
 */
public abstract class FileOutput extends OutputStream {

  /** The path this output will publish on close. */
  public abstract String path();

  /** Bytes written so far. */
  public abstract long position();

  /** Discards the file being written; idempotent, and a no-op after a successful close. */
  public abstract void abort();

  /** Publishes the file; afterwards it is visible and immutable. */
  @Override
  public abstract void close() throws IOException;

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }
}
