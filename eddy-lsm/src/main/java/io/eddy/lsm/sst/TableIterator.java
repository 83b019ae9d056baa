package io.eddy.lsm.sst;

import io.eddy.fs.ReadHandle;
import io.eddy.lsm.iter.InternalIterator;
import java.io.IOException;

/**
 * Iterates one SST file: the in-memory index picks blocks, a {@link BlockIterator} walks
 * each. Two read modes: block by block through the cache (user iterators), or sequential
 * chunks of {@code readahead} bytes that bypass the cache (compaction, where one request
 * per megabyte instead of per block matters on a remote store).
 *
 * <p>Thread safety: one thread at a time.
 */
public final class TableIterator implements InternalIterator {
  private final TableReader table;
  private final ReadHandle handle;
  private final int readahead;
  private int blockIndex;
  private BlockIterator block;
  private byte[] key;
  private byte[] chunk;
  private long chunkStart;
  private int chunkLength;

  TableIterator(TableReader table, ReadHandle handle, int readahead) {
    this.table = table;
    this.handle = handle;
    this.readahead = readahead;
  }

  private Block load(int i) throws IOException {
    if (readahead <= 0) {
      return table.block(i, true);
    }
    BlockHandle h = table.blockHandle(i);
    if (chunk == null || h.offset() < chunkStart || h.offset() + h.sizeWithTrailer() > chunkStart + chunkLength) {
      int len = (int) Math.min(Math.max(readahead, h.sizeWithTrailer()), table.dataEnd() - h.offset());
      if (chunk == null || chunk.length < len) {
        chunk = new byte[len];
      }
      handle.readFully(h.offset(), chunk, 0, len);
      chunkStart = h.offset();
      chunkLength = len;
    }
    return table.parse(chunk, (int) (h.offset() - chunkStart), i);
  }

  private void enterBlock(int i) throws IOException {
    blockIndex = i;
    block = i < table.blockCount() ? load(i).iterator() : null;
  }

  /** Moves forward over exhausted blocks and caches the current key. */
  private void settle() throws IOException {
    while (block != null && !block.valid()) {
      enterBlock(blockIndex + 1);
      if (block != null) {
        block.seekToFirst();
      }
    }
    key = block == null ? null : block.key();
  }

  @Override
  public boolean valid() {
    return key != null;
  }

  @Override
  public void seekToFirst() throws IOException {
    enterBlock(0);
    if (block != null) {
      block.seekToFirst();
    }
    settle();
  }

  @Override
  public void seek(byte[] target, long trailer) throws IOException {
    enterBlock(table.findBlock(target, trailer));
    if (block != null) {
      block.seek(target, trailer);
    }
    settle();
  }

  @Override
  public void next() throws IOException {
    block.next();
    settle();
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public long trailer() {
    return block.trailer();
  }

  @Override
  public byte[] value() {
    return block.value();
  }

  @Override
  public void close() {
    chunk = null;
  }
}
