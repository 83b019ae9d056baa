package io.eddy.lsm.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.eddy.lsm.sst.Block;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-memory tier: decoded data blocks keyed by (open table id, block number), packed
 * in one long, bounded in bytes (W-TinyLFU via Caffeine). One cache may be shared by
 * several open stores: table ids are unique in the process and never reused.
 *
 * <p>Thread safety: thread-safe. Capacity 0 disables caching (every lookup misses).
 */
public final class BlockCache {
  private final long capacity;
  private final Cache<Long, Block> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public BlockCache(long capacityBytes) {
    this.capacity = capacityBytes;
    this.cache = capacityBytes <= 0
        ? null
        : Caffeine.newBuilder()
            .maximumWeight(capacityBytes)
            .weigher((Long k, Block b) -> b.charge())
            .executor(Runnable::run)
            .build();
  }

  /** The cache key of block {@code block} of the table with id {@code tableId}. */
  public static long key(long tableId, int block) {
    return tableId << 32 | (block & 0xFFFFFFFFL);
  }

  /** The cached block, or null (counted as a miss). */
  public Block get(long key) {
    Block b = cache == null ? null : cache.getIfPresent(key);
    (b == null ? misses : hits).increment();
    return b;
  }

  public void put(long key, Block block) {
    if (cache != null) {
      cache.put(key, block);
    }
  }

  /** Drops every block of a closed table. */
  public void evictTable(long tableId) {
    if (cache != null) {
      cache.asMap().keySet().removeIf(k -> k >>> 32 == tableId);
    }
  }

  public CacheStats stats() {
    long used = cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    return new CacheStats("block", hits.sum(), misses.sum(), used, capacity);
  }
}
