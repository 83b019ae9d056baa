package io.eddy.lsm.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.eddy.lsm.sst.Block;
import java.util.concurrent.atomic.LongAdder;

/**
 * The in-memory tier: decoded data blocks keyed by (file path, block offset), bounded in
 * bytes (W-TinyLFU via Caffeine). One cache may be shared by several open stores; keys use
 * the file's full path, which is unique because files are never rewritten.
 *
 * <p>Thread safety: thread-safe. Capacity 0 disables caching (every lookup misses).
 */
public final class BlockCache {
  private record Key(String path, long offset) {}

  private final long capacity;
  private final Cache<Key, Block> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public BlockCache(long capacityBytes) {
    this.capacity = capacityBytes;
    this.cache = capacityBytes <= 0
        ? null
        : Caffeine.newBuilder()
            .maximumWeight(capacityBytes)
            .weigher((Key k, Block b) -> b.charge())
            .executor(Runnable::run)
            .build();
  }

  /** The cached block, or null (counted as a miss). */
  public Block get(String path, long offset) {
    Block b = cache == null ? null : cache.getIfPresent(new Key(path, offset));
    (b == null ? misses : hits).increment();
    return b;
  }

  public void put(String path, long offset, Block block) {
    if (cache != null) {
      cache.put(new Key(path, offset), block);
    }
  }

  /** Drops every block of a deleted file. */
  public void evictFile(String path) {
    if (cache != null) {
      cache.asMap().keySet().removeIf(k -> k.path().equals(path));
    }
  }

  public CacheStats stats() {
    long used = cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    return new CacheStats("block", hits.sum(), misses.sum(), used, capacity);
  }
}
