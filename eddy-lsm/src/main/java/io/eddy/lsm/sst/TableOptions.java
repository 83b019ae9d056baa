package io.eddy.lsm.sst;

/**
 * How SST files are written. Readers need none of this: each file describes itself.
 *
 * @param blockSize target uncompressed data block size in bytes (default 4096)
 * @param restartInterval keys between restart points in a data block (default 16)
 * @param bloomBitsPerKey bloom filter bits per key; 0 disables the filter (default 10)
 * @param compression block compression
 */
public record TableOptions(int blockSize, int restartInterval, int bloomBitsPerKey, Compression compression) {
  public static final TableOptions DEFAULT = new TableOptions(4096, 16, 10, Compression.NONE);

  public TableOptions {
    if (blockSize < 64 || restartInterval < 1 || bloomBitsPerKey < 0) {
      throw new IllegalArgumentException("bad table options: " + blockSize + "/" + restartInterval + "/" + bloomBitsPerKey);
    }
  }
}
