package io.eddy.lsm.sst;

import io.eddy.fs.FileOutput;
import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.InternalKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one SST file, once, front to back: data blocks, filter block, properties block,
 * index block, footer (docs/format/sst.md). The file appears on the FileSystem only when
 * {@link #finish()} succeeds; {@link #abort()} or any failure leaves nothing.
 *
 * <p>Thread safety: not thread-safe; one writer thread.
 */
public final class TableBuilder implements AutoCloseable {
  private final FileOutput file;
  private final BufferedOutputStream out;
  private final TableOptions options;
  private final String mergeOperator;
  private final BlockBuilder data;
  private final BlockBuilder index = new BlockBuilder(1);
  private final ByteSink scratch = new ByteSink(8192);
  private final ByteSink handleBuf = new ByteSink(16);
  private long offset;
  private long[] hashes = new long[1024];
  private int hashCount;
  private byte[] lastKey;
  private long lastTrailer;
  private byte[] smallest;
  private long minSeq = Long.MAX_VALUE;
  private long maxSeq;
  private long entries;
  private boolean finished;

  public TableBuilder(FileOutput file, TableOptions options, String mergeOperatorName) {
    this.file = file;
    this.out = new BufferedOutputStream(file, 1 << 16);
    this.options = options;
    this.mergeOperator = mergeOperatorName;
    this.data = new BlockBuilder(options.restartInterval());
  }

  public String path() {
    return file.path();
  }

  /** REQUIRES: entries added in internal-key order. */
  public void add(byte[] key, long trailer, byte[] value, int valueOff, int valueLen) throws IOException {
    if (lastKey != null && InternalKey.compare(key, trailer, lastKey, lastTrailer) <= 0) {
      throw new IllegalStateException("keys out of order writing " + file.path() + ": " + Bytes.hex(key));
    }
    if (smallest == null) {
      smallest = key;
    }
    if (options.bloomBitsPerKey() > 0 && (lastKey == null || !Arrays.equals(lastKey, key))) {
      if (hashCount == hashes.length) {
        hashes = Arrays.copyOf(hashes, hashCount * 2);
      }
      hashes[hashCount++] = BloomFilter.hash(key);
    }
    data.add(key, trailer, value, valueOff, valueLen);
    lastKey = key;
    lastTrailer = trailer;
    long seq = InternalKey.sequence(trailer);
    minSeq = Math.min(minSeq, seq);
    maxSeq = Math.max(maxSeq, seq);
    entries++;
    if (data.estimatedSize() >= options.blockSize()) {
      flushDataBlock();
    }
  }

  public void add(byte[] key, long trailer, byte[] value) throws IOException {
    add(key, trailer, value, 0, value.length);
  }

  /** Bytes written so far (an estimate of the final size). */
  public long estimatedSize() {
    return offset + data.estimatedSize();
  }

  public long entries() {
    return entries;
  }

  private void flushDataBlock() throws IOException {
    if (data.isEmpty()) {
      return;
    }
    int len = data.finish();
    BlockHandle h = writeBlock(data.array(), len, options.compression());
    data.reset();
    handleBuf.reset();
    handleBuf.putVarint(h.offset()).putVarint(h.size());
    index.add(lastKey, lastTrailer, handleBuf.array(), 0, handleBuf.size());
  }

  private BlockHandle writeBlock(byte[] raw, int len, Compression compression) throws IOException {
    scratch.reset();
    int type = compression.encode(raw, len, scratch);
    int size = scratch.size();
    scratch.putByte(type);
    int crc = Checksums.crc32c(scratch.array(), 0, size, type);
    scratch.putIntLE(crc);
    out.write(scratch.array(), 0, scratch.size());
    BlockHandle h = new BlockHandle(offset, size);
    offset += scratch.size();
    return h;
  }

  /** Writes the meta blocks and footer and publishes the file. */
  public TableInfo finish() throws IOException {
    if (entries == 0) {
      throw new IllegalStateException("empty table " + file.path());
    }
    try {
      flushDataBlock();
      byte[] filter = options.bloomBitsPerKey() > 0 ? BloomFilter.build(hashes, hashCount, options.bloomBitsPerKey()) : new byte[0];
      BlockHandle filterHandle = writeBlock(filter, filter.length, Compression.NONE);
      Map<String, String> props = new HashMap<>();
      props.put(TableProperties.COMPARATOR, Bytes.COMPARATOR_NAME);
      props.put(TableProperties.FILTER_POLICY, options.bloomBitsPerKey() > 0 ? BloomFilter.NAME : "");
      props.put(TableProperties.MERGE_OPERATOR, mergeOperator);
      props.put(TableProperties.ENTRIES, Long.toString(entries));
      byte[] p = new TableProperties(props).encode();
      BlockHandle propsHandle = writeBlock(p, p.length, Compression.NONE);
      int indexLen = index.finish();
      BlockHandle indexHandle = writeBlock(index.array(), indexLen, Compression.NONE);
      out.write(new Footer(filterHandle, propsHandle, indexHandle, Footer.FORMAT_VERSION).encode());
      offset += Footer.SIZE;
      out.flush();
      file.close();
      finished = true;
      return new TableInfo(offset, smallest, lastKey, minSeq, maxSeq, entries);
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Discards the file; a no-op after {@link #finish()}. */
  public void abort() {
    if (!finished) {
      finished = true;
      file.abort();
    }
  }

  @Override
  public void close() {
    abort();
  }
}
