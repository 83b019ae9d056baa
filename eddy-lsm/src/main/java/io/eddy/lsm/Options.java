package io.eddy.lsm;

import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.cache.LocalFileCache;
import io.eddy.lsm.compaction.CompactionService;
import io.eddy.lsm.plugin.CompactionFilter;
import io.eddy.lsm.plugin.MergeOperator;
import io.eddy.lsm.sst.Compression;
import io.eddy.lsm.sst.TableOptions;

/**
 * Every setting of a store, in one immutable record; build it with {@link #builder()}.
 * Defaults follow RocksDB's where the concept is the same.
 *
 * @param mergeOperator operator for {@code merge}; its name is recorded (default none)
 * @param compactionFilter filter run in compaction, e.g. TTL (default none)
 * @param writeBufferSize memtable bytes before it is flushed (64 MiB)
 * @param maxImmutableMemtables flushes that may be pending before writes stall (2)
 * @param table SST layout: block size, restart interval, bloom bits, compression
 * @param targetFileSize SST size compaction aims for (64 MiB)
 * @param level0CompactionTrigger memtables' worth of level-0 files that trigger a compaction (4): a
 *     full memtable's file counts as one, smaller ones (checkpoint flushes) by their share of
 *     it; at {@code max(trigger, level0SlowdownTrigger / 2)} files the small ones are merged
 *     within level 0
 * @param level0SlowdownTrigger level-0 files at which each write is delayed 1 ms (20)
 * @param level0StopTrigger level-0 files at which writes wait for compaction (36)
 * @param maxBytesForLevelBase target size of level 1 (256 MiB); ×10 per level below
 * @param blockCache in-memory block cache, shareable between stores (32 MiB if null)
 * @param fileCache optional local-disk cache in front of a remote FileSystem
 * @param compactionService where compactions run (null = in-process)
 * @param disableAutoCompaction if true, only {@code compactRange} compacts
 * @param multiGetParallelism concurrent lookups one multiGet may issue (16)
 * @param walDir local directory of an optional write-ahead log (null: none, the default;
 *     checkpoints give durability). With a log, writes survive a crash and close does not
 *     flush the memtable.
 * @param walSync with a log: force every write to stable storage before it returns
 * @param prepopulateBlockCacheOnFlush put a flush's output blocks into the block cache as the
 *     flush installs it (RocksDB's {@code prepopulate_block_cache = kFlushOnly}), so that what
 *     was just written, and answered from the memtable until then, is not read back on demand
 *     (false)
 * @param eagerFlushBytes a memtable of at least this many bytes is made immutable and flushed as
 *     soon as no other memtable waits for its flush and level 0 is not backed up (0, the
 *     default: only when full or at a checkpoint). A checkpoint waits for the flush of everything
 *     written since the last one; flushing in slices while the flush thread would idle leaves it
 *     only the last slice, and when flushes or compactions cannot keep up memtables still grow
 *     to {@code writeBufferSize}
 */
public record Options(
    MergeOperator mergeOperator,
    CompactionFilter compactionFilter,
    long writeBufferSize,
    int maxImmutableMemtables,
    TableOptions table,
    long targetFileSize,
    int level0CompactionTrigger,
    int level0SlowdownTrigger,
    int level0StopTrigger,
    long maxBytesForLevelBase,
    BlockCache blockCache,
    LocalFileCache fileCache,
    CompactionService compactionService,
    boolean disableAutoCompaction,
    int multiGetParallelism,
    java.nio.file.Path walDir,
    boolean walSync,
    boolean prepopulateBlockCacheOnFlush,
    long eagerFlushBytes) {

  public Options {
    if (writeBufferSize < 1024 || maxImmutableMemtables < 1 || targetFileSize < 1024 || level0CompactionTrigger < 1
        || eagerFlushBytes < 0 || level0SlowdownTrigger < level0CompactionTrigger || level0StopTrigger < level0SlowdownTrigger
        || maxBytesForLevelBase < 1024 || multiGetParallelism < 1) {
      throw new IllegalArgumentException("inconsistent options: " + this);
    }
    if (blockCache == null) {
      blockCache = new BlockCache(32L << 20);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Options defaults() {
    return builder().build();
  }

  /** A builder pre-filled with this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.mergeOperator = mergeOperator;
    b.compactionFilter = compactionFilter;
    b.writeBufferSize = writeBufferSize;
    b.maxImmutableMemtables = maxImmutableMemtables;
    b.table = table;
    b.targetFileSize = targetFileSize;
    b.level0CompactionTrigger = level0CompactionTrigger;
    b.level0SlowdownTrigger = level0SlowdownTrigger;
    b.level0StopTrigger = level0StopTrigger;
    b.maxBytesForLevelBase = maxBytesForLevelBase;
    b.blockCache = blockCache;
    b.fileCache = fileCache;
    b.compactionService = compactionService;
    b.disableAutoCompaction = disableAutoCompaction;
    b.multiGetParallelism = multiGetParallelism;
    b.walDir = walDir;
    b.walSync = walSync;
    b.prepopulateBlockCacheOnFlush = prepopulateBlockCacheOnFlush;
    b.eagerFlushBytes = eagerFlushBytes;
    return b;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private MergeOperator mergeOperator;
    private CompactionFilter compactionFilter;
    private long writeBufferSize = 64L << 20;
    private int maxImmutableMemtables = 2;
    private TableOptions table = TableOptions.DEFAULT;
    private long targetFileSize = 64L << 20;
    private int level0CompactionTrigger = 4;
    private int level0SlowdownTrigger = 20;
    private int level0StopTrigger = 36;
    private long maxBytesForLevelBase = 256L << 20;
    private BlockCache blockCache;
    private LocalFileCache fileCache;
    private CompactionService compactionService;
    private boolean disableAutoCompaction;
    private int multiGetParallelism = 16;
    private java.nio.file.Path walDir;
    private boolean walSync;
    private boolean prepopulateBlockCacheOnFlush;
    private long eagerFlushBytes;

    public Builder mergeOperator(MergeOperator v) { mergeOperator = v; return this; }
    public Builder compactionFilter(CompactionFilter v) { compactionFilter = v; return this; }
    public Builder writeBufferSize(long v) { writeBufferSize = v; return this; }
    public Builder maxImmutableMemtables(int v) { maxImmutableMemtables = v; return this; }
    public Builder table(TableOptions v) { table = v; return this; }
    public Builder blockSize(int v) { table = new TableOptions(v, table.restartInterval(), table.bloomBitsPerKey(), table.compression()); return this; }
    public Builder compression(Compression v) { table = new TableOptions(table.blockSize(), table.restartInterval(), table.bloomBitsPerKey(), v); return this; }
    public Builder targetFileSize(long v) { targetFileSize = v; return this; }
    public Builder level0CompactionTrigger(int v) { level0CompactionTrigger = v; return this; }
    public Builder level0SlowdownTrigger(int v) { level0SlowdownTrigger = v; return this; }
    public Builder level0StopTrigger(int v) { level0StopTrigger = v; return this; }
    public Builder maxBytesForLevelBase(long v) { maxBytesForLevelBase = v; return this; }
    public Builder blockCache(BlockCache v) { blockCache = v; return this; }
    public Builder blockCacheSize(long bytes) { blockCache = new BlockCache(bytes); return this; }
    public Builder fileCache(LocalFileCache v) { fileCache = v; return this; }
    public Builder compactionService(CompactionService v) { compactionService = v; return this; }
    public Builder disableAutoCompaction(boolean v) { disableAutoCompaction = v; return this; }
    public Builder multiGetParallelism(int v) { multiGetParallelism = v; return this; }
    public Builder walDir(java.nio.file.Path v) { walDir = v; return this; }
    public Builder walSync(boolean v) { walSync = v; return this; }
    public Builder prepopulateBlockCacheOnFlush(boolean v) { prepopulateBlockCacheOnFlush = v; return this; }
    public Builder eagerFlushBytes(long v) { eagerFlushBytes = v; return this; }

    public Options build() {
      return new Options(mergeOperator, compactionFilter, writeBufferSize, maxImmutableMemtables, table, targetFileSize,
          level0CompactionTrigger, level0SlowdownTrigger, level0StopTrigger, maxBytesForLevelBase, blockCache, fileCache,
          compactionService, disableAutoCompaction, multiGetParallelism, walDir, walSync, prepopulateBlockCacheOnFlush,
          eagerFlushBytes);
    }
  }
}
