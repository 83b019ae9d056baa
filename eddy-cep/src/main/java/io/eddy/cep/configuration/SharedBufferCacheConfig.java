package io.eddy.cep.configuration;

import io.eddy.api.config.Configuration;

/**
 * How many entries of each kind a CEP operator caches in front of its keyed state (Flink's
 * SharedBufferCacheConfig), read from the job's {@link CEPCacheOptions}. Zero slots for either
 * kind turns the cache across records off: the operator then only batches one record's reads
 * and writes.
 */
public record SharedBufferCacheConfig(int eventsBufferCacheSlots, int entryCacheSlots) {
  public SharedBufferCacheConfig {
    if (eventsBufferCacheSlots < 0 || entryCacheSlots < 0) {
      throw new IllegalArgumentException("pipeline.cep.sharedbuffer.cache.event-slots and entry-slots must not be "
          + "negative, got " + eventsBufferCacheSlots + " and " + entryCacheSlots);
    }
  }

  public static SharedBufferCacheConfig of(Configuration configuration) {
    return new SharedBufferCacheConfig(configuration.get(CEPCacheOptions.CEP_SHARED_BUFFER_EVENT_CACHE_SLOTS),
        configuration.get(CEPCacheOptions.CEP_SHARED_BUFFER_ENTRY_CACHE_SLOTS));
  }

  /** True when entries stay cached across records (and keys) until evicted or a checkpoint. */
  public boolean acrossRecords() {
    return eventsBufferCacheSlots > 0 && entryCacheSlots > 0;
  }
}
