package io.eddy.state.rocksdb;

import io.eddy.api.config.ConfigOption;

/**
 * The configuration keys of the {@code rocksdb} state backend, in one place (Flink's names where
 * the concept is the same). The checkpoint directory and the number of retained checkpoints are
 * the engine's ({@link io.eddy.api.config.CheckpointingOptions}).
 */
public final class RocksDbOptions {
  private RocksDbOptions() {}

  public static final ConfigOption<String> LOCAL_DIRECTORY = ConfigOption.stringOption(
      "state.backend.rocksdb.localdir", "",
      "Local working directory of the RocksDB instances (one subdirectory per store, deleted on close); "
          + "empty means java.io.tmpdir/eddy-rocksdb.");

  public static final ConfigOption<Long> MEMORY_SIZE = ConfigOption.memoryOption(
      "state.backend.rocksdb.memory.size", 256L << 20,
      "One memory budget shared by all RocksDB stores of the process that have the same memory settings: "
          + "block cache plus write buffers (memtables are charged to the cache).");

  public static final ConfigOption<Double> WRITE_BUFFER_RATIO = new ConfigOption<>(
      "state.backend.rocksdb.memory.write-buffer-ratio", 0.5, Double::parseDouble,
      "Share of the memory budget that memtables may use before they are flushed.");

  public static final ConfigOption<Double> HIGH_PRIORITY_POOL_RATIO = new ConfigOption<>(
      "state.backend.rocksdb.memory.high-prio-pool-ratio", 0.1, Double::parseDouble,
      "Share of the block cache reserved for index and filter blocks.");

  public static final ConfigOption<Boolean> INCREMENTAL = ConfigOption.booleanOption(
      "state.backend.incremental", true,
      "Upload only the SST files that earlier checkpoints did not; false uploads every file each time.");

  public static final ConfigOption<Integer> TRANSFER_THREADS = ConfigOption.intOption(
      "state.backend.rocksdb.checkpoint.transfer.thread.num", 4,
      "Files uploaded (checkpoint) or downloaded (restore) in parallel by one store.");
}
