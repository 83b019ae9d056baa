package io.eddy.lsm.util;

import java.util.zip.CRC32C;

/**
 * CRC32C of byte ranges, as stored in block trailers, footers and manifests. Stateless and
 * thread-safe (a fresh {@link CRC32C} per call; it is cheap and intrinsified).
 */
public final class Checksums {
  private Checksums() {}

  public static int crc32c(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    return (int) crc.getValue();
  }

  /** CRC32C of a range followed by one more byte (the block type), without copying. */
  public static int crc32c(byte[] b, int off, int len, int extraByte) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, len);
    crc.update(extraByte);
    return (int) crc.getValue();
  }
}
