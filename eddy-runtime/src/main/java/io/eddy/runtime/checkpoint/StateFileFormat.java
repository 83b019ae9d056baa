package io.eddy.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Shared framing of checkpoint files (state files and metadata): the body, then a trailer of
 * {@code int crc32c(body)} and an 8-byte magic. A file is accepted only whole: wrong magic,
 * wrong length or wrong checksum is corruption, reported with the file's path.
 * See docs/format/checkpoint.md.
 */
final class StateFileFormat {
  static final int VERSION = 2;
  static final int TRAILER = 4 + 8;

  private StateFileFormat() {}

  static byte[] magic(String eightChars) {
    byte[] m = eightChars.getBytes(StandardCharsets.US_ASCII);
    if (m.length != 8) {
      throw new IllegalArgumentException("magic must be 8 ASCII characters");
    }
    return m;
  }

  /** Checks the trailer and returns the body's length. */
  static int verify(byte[] file, byte[] magic, String path) throws IOException {
    if (file.length < TRAILER) {
      throw new CorruptCheckpointException(path, "truncated: " + file.length + " bytes");
    }
    int bodyLength = file.length - TRAILER;
    ByteBuffer trailer = ByteBuffer.wrap(file, bodyLength, TRAILER);
    int storedCrc = trailer.getInt();
    byte[] storedMagic = new byte[8];
    trailer.get(storedMagic);
    if (!java.util.Arrays.equals(storedMagic, magic)) {
      throw new CorruptCheckpointException(path, "bad magic (truncated or not a checkpoint file)");
    }
    CRC32C crc = new CRC32C();
    crc.update(file, 0, bodyLength);
    if ((int) crc.getValue() != storedCrc) {
      throw new CorruptCheckpointException(path, "checksum mismatch");
    }
    return bodyLength;
  }
}
