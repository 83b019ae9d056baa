package io.eddy.cep.configuration;

import io.eddy.api.config.ConfigOption;
import io.eddy.api.config.ConfigOptionsProvider;
import java.util.List;

/**
 * The {@code pipeline.cep.sharedbuffer.cache.*} options (Flink's CEPCacheOptions): how many
 * entries a CEP operator keeps in its cache of keyed state in front of the state backend
 * ({@link SharedBufferCacheConfig}).
 */
public final class CEPCacheOptions implements ConfigOptionsProvider {
  public static final ConfigOption<Integer> CEP_SHARED_BUFFER_EVENT_CACHE_SLOTS = ConfigOption.intOption(
      "pipeline.cep.sharedbuffer.cache.event-slots", 1024,
      "How many events a CEP operator keeps cached, per kind (the shared buffer's events, the events waiting for "
          + "the watermark), across keys and records; the least recently used are written to the state backend "
          + "when more come, and all are written at every checkpoint. 0: no cache across records (each record's "
          + "reads and writes are written back when it is done).");

  public static final ConfigOption<Integer> CEP_SHARED_BUFFER_ENTRY_CACHE_SLOTS = ConfigOption.intOption(
      "pipeline.cep.sharedbuffer.cache.entry-slots", 1024,
      "How many entries a CEP operator keeps cached, per kind (the shared buffer's nodes, and per key its runs, "
          + "its arrival counters and its queue index), across keys and records; written back as the event slots.");

  @Override
  public List<Class<?>> optionClasses() {
    return List.of(CEPCacheOptions.class);
  }
}
