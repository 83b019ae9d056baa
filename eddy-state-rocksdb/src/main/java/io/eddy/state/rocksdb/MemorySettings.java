package io.eddy.state.rocksdb;

import io.eddy.api.config.Configuration;

/**
 * The memory budget of RocksDB stores: {@code size} bytes split between memtables
 * ({@code writeBufferRatio} of it, charged to the block cache) and cached blocks, with
 * {@code highPriorityPoolRatio} of the cache kept for index and filter blocks. Stores with equal
 * settings share one budget ({@link SharedMemory}).
 */
public record MemorySettings(long size, double writeBufferRatio, double highPriorityPoolRatio) {

  public MemorySettings {
    if (size < (1 << 20)) {
      throw new IllegalArgumentException(RocksDbOptions.MEMORY_SIZE.key() + " must be at least 1mb, got " + size);
    }
    checkRatio(RocksDbOptions.WRITE_BUFFER_RATIO.key(), writeBufferRatio);
    checkRatio(RocksDbOptions.HIGH_PRIORITY_POOL_RATIO.key(), highPriorityPoolRatio);
  }

  public static MemorySettings from(Configuration configuration) {
    return new MemorySettings(
        configuration.get(RocksDbOptions.MEMORY_SIZE),
        configuration.get(RocksDbOptions.WRITE_BUFFER_RATIO),
        configuration.get(RocksDbOptions.HIGH_PRIORITY_POOL_RATIO));
  }

  /** The bytes memtables may hold before the write buffer manager makes them flush. */
  public long writeBufferBytes() {
    return (long) (size * writeBufferRatio);
  }

  private static void checkRatio(String key, double ratio) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException(key + " must be between 0 and 1 (exclusive), got " + ratio);
    }
  }
}
