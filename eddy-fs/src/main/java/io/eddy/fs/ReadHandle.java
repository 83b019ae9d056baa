package io.eddy.fs;

import java.io.EOFException;
import java.io.IOException;

/**
 * Positional read access to one published, immutable file.
 *
 * <p>Thread safety: {@link #readFully} may be called concurrently from many threads; the
 * handle keeps no read position.
 */
public interface ReadHandle extends AutoCloseable {

  /** The path this handle reads, for error messages. */
  String path();

  /** The file size in bytes. */
  long size() throws IOException;

  /**
   * Reads exactly {@code length} bytes starting at {@code position} into {@code dst}.
   *
   * @throws EOFException if the file ends before {@code position + length}
   */
  void readFully(long position, byte[] dst, int offset, int length) throws IOException;

  @Override
  void close() throws IOException;

  /**
   * Checks that {@code [position, position + length)} lies in a file of {@code size} bytes,
   * throwing the EOF error every implementation reports otherwise.
   */
  static void checkRange(String path, long position, int length, long size) throws EOFException {
    if (position < 0 || length < 0 || position > size - length) {
      throw eof(path, position, length, size);
    }
  }

  /** Builds the EOF error every implementation reports, naming the file and the range. */
  static EOFException eof(String path, long position, int length, long size) {
    return new EOFException(
        "read past end of " + path + ": [" + position + ", " + (position + length) + ") of " + size + " bytes");
  }
}
