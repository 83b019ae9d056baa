package io.eddy.bench.lsm;

import java.io.IOException;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * rocksdbjni behind the benchmark's {@link KvStore}, configured like eddy-lsm's defaults:
 * WAL off, no compression, same block size, block cache size, bloom bits, memtable size,
 * level-0 triggers, target file size and level-1 size, two background jobs.
 */
final class RocksStore implements KvStore {
  static {
    RocksDB.loadLibrary();
  }

  private final org.rocksdb.Options options;
  private final LRUCache cache;
  private final RocksDB db;
  private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);

  RocksStore(String dir, long cacheBytes, int blockSize) throws IOException {
    cache = new LRUCache(cacheBytes);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockSize(blockSize)
        .setBlockCache(cache)
        .setFilterPolicy(new BloomFilter(10, false));
    options = new org.rocksdb.Options()
        .setCreateIfMissing(true)
        .setCompressionType(CompressionType.NO_COMPRESSION)
        .setWriteBufferSize(64L << 20)
        .setMaxWriteBufferNumber(3)
        .setLevel0FileNumCompactionTrigger(4)
        .setLevel0SlowdownWritesTrigger(20)
        .setLevel0StopWritesTrigger(36)
        .setTargetFileSizeBase(64L << 20)
        .setMaxBytesForLevelBase(256L << 20)
        .setMaxBackgroundJobs(2)
        .setTableFormatConfig(table);
    try {
      db = RocksDB.open(options, dir);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public String name() {
    return "rocksdbjni";
  }

  @Override
  public void put(byte[] key, byte[] value) throws IOException {
    try {
      db.put(writeOptions, key, value);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public byte[] get(byte[] key) throws IOException {
    try {
      return db.get(key);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) throws IOException {
    try {
      return db.multiGetAsList(keys);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public long scanAll() {
    long n = 0;
    try (RocksIterator it = db.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        it.key();
        it.value();
        n++;
      }
    }
    return n;
  }

  @Override
  public void flush() throws IOException {
    try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
      db.flush(f);
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void compactAll() throws IOException {
    try {
      db.compactRange();
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public String describe() throws IOException {
    try {
      return db.getProperty("rocksdb.levelstats").replace('\n', ' ');
    } catch (RocksDBException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    db.close();
    options.close();
    cache.close();
    writeOptions.close();
  }
}
