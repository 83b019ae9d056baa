package io.eddy.state.rocksdb;

import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteOptions;

/**
 * The native option objects one RocksDB instance is opened and used with, created once and
 * closed together after the instance: the database options (memtables charged to the shared
 * {@link SharedMemory}), column family options for plain and for append columns (blocks, index
 * and filters in the shared cache), and the reused read and write options. Writes skip the WAL:
 * a checkpoint, not the local disk, is what makes state durable.
 */
final class NativeOptions implements AutoCloseable {
  /** Largest memtable of one column family; the write buffer manager usually flushes earlier. */
  private static final long MAX_WRITE_BUFFER = 64L << 20;

  final DBOptions db;
  final ColumnFamilyOptions plainColumn;
  final ColumnFamilyOptions appendColumn;
  final ReadOptions read;
  /** For iterators only: each scan sets its own upper bound on it before creating one. */
  final ReadOptions scan;
  final WriteOptions write;
  private final List<RocksObject> owned;

  /** The options for an instance whose memory counts against {@code memory}. */
  NativeOptions(SharedMemory memory) {
    db = new DBOptions()
        .setCreateIfMissing(true)
        .setWriteBufferManager(memory.writeBufferManager())
        .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
        .setKeepLogFileNum(2)
        .setStatsDumpPeriodSec(0)
        .setAvoidFlushDuringShutdown(true);
    BloomFilter filter = new BloomFilter(10, false);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(memory.cache())
        .setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setFilterPolicy(filter);
    long writeBuffer = Math.max(256L << 10, Math.min(MAX_WRITE_BUFFER, memory.settings().writeBufferBytes() / 2));
    plainColumn = new ColumnFamilyOptions().setTableFormatConfig(table).setWriteBufferSize(writeBuffer);
    StringAppendOperator concatenate = new StringAppendOperator("");
    appendColumn = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(writeBuffer)
        .setMergeOperator(concatenate);
    read = new ReadOptions();
    scan = new ReadOptions();
    write = new WriteOptions().setDisableWAL(true);
    owned = List.of(write, scan, read, appendColumn, plainColumn, concatenate, filter, db);
  }

  ColumnFamilyOptions columnOptions(ColumnSpec spec) {
    return spec.options().appendMerge() ? appendColumn : plainColumn;
  }

  @Override
  public void close() {
    owned.forEach(RocksObject::close);
  }
}
