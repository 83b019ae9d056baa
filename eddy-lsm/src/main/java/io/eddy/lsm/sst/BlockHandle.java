package io.eddy.lsm.sst;

/**
 * Where a block sits in an SST file: offset and size of its payload, excluding the 5-byte
 * trailer (type byte + CRC32C). Immutable.
 */
public record BlockHandle(long offset, int size) {
  /** Bytes after every block payload: compression type (1) and CRC32C (4). */
  public static final int TRAILER_SIZE = 5;

  /** Payload plus trailer. */
  public int sizeWithTrailer() {
    return size + TRAILER_SIZE;
  }
}
