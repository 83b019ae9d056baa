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
  final int restartsOffset;
  final int restartCount;

  Block(byte[] data, String where) throws CorruptionException {
    if (data.length < 4) {
      throw new CorruptionException("block too short (" + data.length + " bytes) in " + where);
    }
    this.data = data;
    this.restartCount = Coding.getIntLE(data, data.length - 4);
    this.restartsOffset = data.length - 4 - 4 * restartCount;
    if (restartCount < 1 || restartsOffset < 0) {
      throw new CorruptionException("bad restart count " + restartCount + " in " + where);
    }
  }

  int restartPoint(int i) {
    return Coding.getIntLE(data, restartsOffset + 4 * i);
  }

  /** Memory charged to the block cache. */
  public int charge() {
    return data.length + 48;
  }

  public BlockIterator iterator() {
    return new BlockIterator(this);
  }
}
