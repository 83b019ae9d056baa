package io.eddy.state.rocksdb;

import java.util.HashMap;
import java.util.Map;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The one memory budget of the process's RocksDB stores (Flink's managed-memory approach): an LRU
 * block cache of {@code size} bytes, and a write buffer manager that charges every store's
 * memtables to that same cache and makes them flush once they hold more than
 * {@code writeBufferRatio} of it. So reads and writes of all stores together stay within
 * {@code size}, however many operators and subtasks a process runs (plus RocksDB's untracked
 * overhead: iterators, table readers not in the cache, compaction buffers).
 *
 * <p>Stores with equal {@link MemorySettings} share one budget; it is created by the first
 * {@link #acquire} and freed when the last user {@link #release}s it. Thread-safe.
 */
final class SharedMemory {
  private static final Map<MemorySettings, SharedMemory> BUDGETS = new HashMap<>();

  private final MemorySettings settings;
  private final LRUCache cache;
  private final WriteBufferManager writeBuffers;
  private int users;

  private SharedMemory(MemorySettings settings) {
    this.settings = settings;
    this.cache = new LRUCache(settings.size(), -1, false, settings.highPriorityPoolRatio());
    this.writeBuffers = new WriteBufferManager(settings.writeBufferBytes(), cache, false);
  }

  /** The budget for these settings, shared with every other user of equal settings. */
  static SharedMemory acquire(MemorySettings settings) {
    RocksDB.loadLibrary();
    synchronized (BUDGETS) {
      SharedMemory memory = BUDGETS.computeIfAbsent(settings, SharedMemory::new);
      memory.users++;
      return memory;
    }
  }

  /** Ends one {@link #acquire}; the last one frees the native cache. Call after closing the DB. */
  void release() {
    synchronized (BUDGETS) {
      if (--users == 0) {
        BUDGETS.remove(settings);
        writeBuffers.close();
        cache.close();
      }
    }
  }

  MemorySettings settings() {
    return settings;
  }

  Cache cache() {
    return cache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBuffers;
  }
}
