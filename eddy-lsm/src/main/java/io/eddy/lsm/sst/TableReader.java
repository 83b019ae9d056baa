package io.eddy.lsm.sst;

import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.iter.Lookup;
import io.eddy.lsm.util.ByteSource;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.Coding;
import io.eddy.lsm.util.CorruptionException;
import io.eddy.lsm.util.InternalKey;
import java.io.IOException;
import java.util.Arrays;

/**
 * An open SST file: footer, index, filter and properties are read once at open (two
 * ranged reads: the footer, then the contiguous meta blocks); data blocks are read on
 * demand through the {@link BlockCache}. Every block is checksum-verified before use, and
 * every error names the file.
 *
 * <p>Thread safety: thread-safe; concurrent gets and iterators share the read handle
 * (positional reads) and the cache.
 */
public final class TableReader implements AutoCloseable {
  private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

  private final long id = IDS.incrementAndGet();
  private final String path;
  private final ReadHandle handle;
  private final BlockCache cache;
  private final byte[] filter;
  private final TableProperties properties;
  private final byte[][] lastKeys;
  private final long[] lastPrefixes;
  private final long[] lastTrailers;
  private final long[] offsets;
  private final int[] sizes;
  private final long dataEnd;

  private TableReader(String path, ReadHandle handle, BlockCache cache, Footer footer, byte[] meta, long metaStart)
      throws IOException {
    this.path = path;
    this.handle = handle;
    this.cache = cache;
    this.filter = decodeBlock(meta, (int) (footer.filter().offset() - metaStart), footer.filter(), "filter");
    this.properties = TableProperties.decode(decodeBlock(meta, (int) (footer.properties().offset() - metaStart), footer.properties(), "properties"));
    if (!properties.get(TableProperties.COMPARATOR).equals(Bytes.COMPARATOR_NAME)) {
      throw new CorruptionException(path + " was written with comparator '" + properties.get(TableProperties.COMPARATOR) + "'");
    }
    String policy = properties.get(TableProperties.FILTER_POLICY);
    if (!policy.isEmpty() && !policy.equals(BloomFilter.NAME)) {
      throw new CorruptionException(path + " uses unknown filter policy '" + policy + "'");
    }
    byte[] indexBytes = decodeBlock(meta, (int) (footer.index().offset() - metaStart), footer.index(), "index");
    Block index = new Block(indexBytes, indexBytes.length, path, footer.index().offset());
    int n = 0;
    BlockIterator it = index.iterator();
    for (it.seekToFirst(); it.valid(); it.next()) {
      n++;
    }
    lastKeys = new byte[n][];
    lastPrefixes = new long[n];
    lastTrailers = new long[n];
    offsets = new long[n];
    sizes = new int[n];
    int i = 0;
    for (it.seekToFirst(); it.valid(); it.next(), i++) {
      lastKeys[i] = it.key();
      lastPrefixes[i] = Bytes.prefix(lastKeys[i]);
      lastTrailers[i] = it.trailer();
      ByteSource h = new ByteSource(it.valueArray(), it.valueOffset(), it.valueOffset() + it.valueLength());
      offsets[i] = h.varint();
      sizes[i] = h.varint32();
    }
    this.dataEnd = footer.filter().offset();
  }

  /** Opens a table; {@code fileSize} comes from the manifest, saving a size request. */
  public static TableReader open(FileSystem fs, String path, long fileSize, BlockCache cache) throws IOException {
    ReadHandle handle = fs.open(path);
    try {
      if (fileSize < Footer.SIZE) {
        throw new CorruptionException("file too short to be an SST (" + fileSize + " bytes): " + path);
      }
      byte[] tail = new byte[Footer.SIZE];
      handle.readFully(fileSize - Footer.SIZE, tail, 0, Footer.SIZE);
      Footer footer = Footer.decode(tail, path);
      long metaStart = footer.filter().offset();
      long metaEnd = footer.index().offset() + footer.index().sizeWithTrailer();
      if (metaStart < 0 || metaEnd > fileSize - Footer.SIZE || metaEnd < metaStart) {
        throw new CorruptionException("footer handles out of range in " + path);
      }
      byte[] meta = new byte[(int) (metaEnd - metaStart)];
      handle.readFully(metaStart, meta, 0, meta.length);
      if (footer.properties().offset() != metaStart + footer.filter().sizeWithTrailer()
          || footer.index().offset() != footer.properties().offset() + footer.properties().sizeWithTrailer()
          || metaEnd != fileSize - Footer.SIZE) {
        throw new CorruptionException("meta blocks of " + path + " do not tile the file up to its footer (filter at "
            + metaStart + ", properties at " + footer.properties().offset() + ", index at " + footer.index().offset()
            + ".." + metaEnd + ", footer at " + (fileSize - Footer.SIZE) + ")");
      }
      return new TableReader(path, handle, cache, footer, meta, metaStart);
    } catch (IOException | RuntimeException e) {
      handle.close();
      if (e instanceof IllegalStateException) {
        throw new CorruptionException("malformed meta block in " + path + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Verifies the checksum of the block at {@code buf[off..]} and returns its type code. */
  private int verify(byte[] buf, int off, BlockHandle h, String what) throws CorruptionException {
    if (off < 0 || off + h.sizeWithTrailer() > buf.length) {
      throw new CorruptionException(what + " block handle out of range in " + path + " at offset " + h.offset());
    }
    int type = buf[off + h.size()] & 0xff;
    int stored = Coding.getIntLE(buf, off + h.size() + 1);
    if (stored != Checksums.crc32c(buf, off, h.size(), type)) {
      throw new CorruptionException("checksum mismatch in " + what + " block of " + path + " at offset " + h.offset());
    }
    return type;
  }

  private byte[] decodeBlock(byte[] buf, int off, BlockHandle h, String what) throws CorruptionException {
    int type = verify(buf, off, h, what);
    return Compression.decode(type, buf, off, h.size(), path, h.offset());
  }

  /** A verified data block; an uncompressed block read on its own is used in place. */
  private Block dataBlock(byte[] buf, int off, BlockHandle h) throws CorruptionException {
    int type = verify(buf, off, h, "data");
    if (type == Compression.NONE.code && off == 0) {
      return new Block(buf, h.size(), path, h.offset());
    }
    byte[] raw = Compression.decode(type, buf, off, h.size(), path, h.offset());
    return new Block(raw, raw.length, path, h.offset());
  }

  public String path() {
    return path;
  }

  /**
   * Reads every data block, bypassing the cache, and checks its checksum and encoding. The
   * meta blocks and the footer were checked at open, and the blocks must tile the file with
   * no gap, so a flipped byte anywhere in the file is found.
   *
   * @throws CorruptionException naming the file and the offset of the first bad block
   */
  public void verifyAllBlocks() throws IOException {
    long expected = 0;
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] != expected) {
        throw new CorruptionException("data block " + i + " of " + path + " starts at offset " + offsets[i]
            + ", expected " + expected);
      }
      byte[] buf = new byte[sizes[i] + BlockHandle.TRAILER_SIZE];
      handle.readFully(offsets[i], buf, 0, buf.length);
      parse(buf, 0, i);
      expected += buf.length;
    }
    if (expected != dataEnd) {
      throw new CorruptionException("data blocks of " + path + " end at offset " + expected + ", the filter block starts at "
          + dataEnd);
    }
  }

  public TableProperties properties() {
    return properties;
  }

  int blockCount() {
    return offsets.length;
  }

  long dataEnd() {
    return dataEnd;
  }

  BlockHandle blockHandle(int i) {
    return new BlockHandle(offsets[i], sizes[i]);
  }

  /** Index of the first block whose last key is at or after (key, trailer), or blockCount(). */
  int findBlock(byte[] key, long trailer) {
    long keyPrefix = Bytes.prefix(key);
    int lo = 0;
    int hi = offsets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(lastPrefixes[mid], keyPrefix);
      if (c == 0) {
        c = InternalKey.compare(lastKeys[mid], lastTrailers[mid], key, trailer);
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Data block {@code i}, through the cache. */
  Block block(int i, boolean fillCache) throws IOException {
    long key = BlockCache.key(id, i);
    Block b = cache.get(key);
    if (b == null) {
      byte[] buf = new byte[sizes[i] + BlockHandle.TRAILER_SIZE];
      handle.readFully(offsets[i], buf, 0, buf.length);
      b = parse(buf, 0, i);
      if (fillCache) {
        cache.put(key, b);
      }
    }
    return b;
  }

  /**
   * Reads every data block, in requests of about {@code chunkSize} bytes (at least one block
   * each), and puts each into the block cache, as RocksDB's {@code prepopulate_block_cache}: the
   * output of a flush is what reads ask for next, and on a remote store every block read on
   * demand would be a round trip on the reader's critical path.
   */
  public void fillCache(int chunkSize) throws IOException {
    for (int first = 0; first < offsets.length; ) {
      int end = first + 1;
      long start = offsets[first];
      while (end < offsets.length && offsets[end] + sizes[end] + BlockHandle.TRAILER_SIZE - start <= chunkSize) {
        end++;
      }
      byte[] chunk = new byte[(int) (offsets[end - 1] + sizes[end - 1] + BlockHandle.TRAILER_SIZE - start)];
      handle.readFully(start, chunk, 0, chunk.length);
      for (int i = first; i < end; i++) {
        int off = (int) (offsets[i] - start);
        // a block of its own array: a cached block must not hold the whole chunk
        byte[] own = Arrays.copyOfRange(chunk, off, off + sizes[i] + BlockHandle.TRAILER_SIZE);
        cache.put(BlockCache.key(id, i), parse(own, 0, i));
      }
      first = end;
    }
  }

  /** Decodes data block {@code i} whose bytes (with trailer) are at {@code buf[off..]}. */
  Block parse(byte[] buf, int off, int i) throws CorruptionException {
    return dataBlock(buf, off, blockHandle(i));
  }

  /** Whether the bloom filter admits the key. */
  public boolean mayContain(byte[] key) {
    return BloomFilter.mayContain(filter, BloomFilter.hash(key));
  }

  /** Feeds {@code lookup} the versions of its key held in this file. */
  public void get(Lookup lookup) throws IOException {
    get(lookup, false);
  }

  /**
   * Feeds {@code lookup} the versions of its key held in this file; with {@code cachedOnly}, only
   * from blocks in the block cache: returns false (the lookup half fed) where a block would have
   * to be read from the file, true when this file has given all it holds of the key.
   */
  public boolean get(Lookup lookup, boolean cachedOnly) throws IOException {
    byte[] key = lookup.key();
    if (!mayContain(key)) {
      return true;
    }
    int i = findBlock(key, lookup.seekTrailer());
    boolean first = true;
    while (i < offsets.length) {
      Block block = cachedOnly ? cache.get(BlockCache.key(id, i)) : block(i, true);
      if (block == null) {
        return false;
      }
      BlockIterator it = block.iterator();
      if (first) {
        it.seek(key, lookup.seekTrailer());
        first = false;
      } else {
        it.seekToFirst();
      }
      for (; it.valid(); it.next()) {
        if (it.compareUserKey(key) != 0) {
          return true;
        }
        if (lookup.offer(it.trailer(), it.valueArray(), it.valueOffset(), it.valueLength())) {
          return true;
        }
      }
      i++;
    }
    return true;
  }

  /**
   * An iterator over the whole file. With {@code readahead > 0} it reads the file in chunks
   * of that size and bypasses the cache (compaction); otherwise it reads block by block
   * through the cache.
   */
  public TableIterator iterator(int readahead) {
    return new TableIterator(this, handle, readahead);
  }

  @Override
  public String toString() {
    return "TableReader[" + path + ", " + offsets.length + " blocks, first=" + (lastKeys.length > 0 ? Bytes.hex(lastKeys[0]) : "-") + "]";
  }

  /** Closes the file and drops this table's cached blocks. */
  @Override
  public void close() throws IOException {
    cache.evictTable(id);
    handle.close();
  }
}
