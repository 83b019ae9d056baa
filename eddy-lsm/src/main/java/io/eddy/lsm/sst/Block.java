package io.eddy.lsm.sst;

import io.eddy.lsm.util.Coding;
import io.eddy.lsm.util.CorruptionException;

/**
 * A decoded (uncompressed, checksum-verified) block as written by {@link BlockBuilder}.
 * Immutable and shared through the block cache.
 *
 * <p>Thread safety: immutable; any number of {@link BlockIterator}s may read it at once.
 */
public final class Block {
  final byte[] data;
  final int length;
  final int restartsOffset;
  final int restartCount;

  /**
   * A block held in {@code data[0, length)}; bytes past {@code length} are ignored.
   * {@code path} and {@code offset} only name the block in errors.
   */
  Block(byte[] data, int length, String path, long offset) throws CorruptionException {
    if (length < 4) {
      throw new CorruptionException("block too short (" + length + " bytes) in " + path + " at offset " + offset);
    }
    this.data = data;
    this.length = length;
    this.restartCount = Coding.getIntLE(data, length - 4);
    this.restartsOffset = length - 4 - 4 * restartCount;
    if (restartCount < 1 || restartsOffset < 0) {
      throw new CorruptionException("bad restart count " + restartCount + " in " + path + " at offset " + offset);
    }
  }

  int restartPoint(int i) {
    return Coding.getIntLE(data, restartsOffset + 4 * i);
  }

  /** Memory charged to the block cache. */
  public int charge() {
    return length + 64;
  }

  public BlockIterator iterator() {
    return new BlockIterator(this);
  }
}
