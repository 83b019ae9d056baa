package io.eddy.state.rocksdb;

import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksObject;
import org.rocksdb.WriteOptions;

/**
 * The native option objects one RocksDB instance is opened and used with, created once and
 * closed together after the instance: the database options (memtables charged to the shared
 * {@link SharedMemory}), column family options for plain and for append columns (blocks, index
 * and filters in the shared cache), and the reused read and write options. Writes skip the WAL:
 * a checkpoint, not the local disk, is what makes state durable.
 *
 * <p>Append columns concatenate merge operands with RocksDB's built-in
 * {@code StringAppendTESTOperator} and an empty delimiter, chosen by name because rocksdbjni has
 * no class for it (Flink selects it the same way). Unlike {@code StringAppendOperator}, an
 * associative operator that folds operands pairwise and so copies the growing list once per
 * operand, it sizes the result once and copies each operand once: reading, flushing or compacting
 * a list of n appends costs O(total bytes), not O(n * total bytes). It never partially merges, so
 * operands stay separate until a read or a bottommost compaction folds them. The stored bytes are
 * the same as with the old operator, so checkpoints written with either restore with either.
 */
final class NativeOptions implements AutoCloseable {
  /** Largest memtable of one column family; the write buffer manager usually flushes earlier. */
  private static final long MAX_WRITE_BUFFER = 64L << 20;
  /** RocksDB's full-merge concatenation without a delimiter (an object-registry id). */
  private static final String CONCATENATE = "id=StringAppendTESTOperator;delimiter=";

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
    appendColumn = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(writeBuffer)
        .setMergeOperatorName(CONCATENATE);
    read = new ReadOptions();
    scan = new ReadOptions();
    write = new WriteOptions().setDisableWAL(true);
    owned = List.of(write, scan, read, appendColumn, plainColumn, filter, db);
  }

  ColumnFamilyOptions columnOptions(ColumnSpec spec) {
    return spec.options().appendMerge() ? appendColumn : plainColumn;
  }

  @Override
  public void close() {
    owned.forEach(RocksObject::close);
  }
}
