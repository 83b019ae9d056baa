package io.eddy.api.config;

import java.time.Duration;

/** The engine's configuration keys that every job can set. */
public final class CoreOptions {
  private CoreOptions() {}

  public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOption.intOption(
      "parallelism.default", 1, "Parallelism of operators that do not set their own.");

  public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.intOption(
      "pipeline.max-parallelism", 128, "Number of key groups: the upper bound for rescaling keyed state.");

  public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOption.durationOption(
      "pipeline.auto-watermark-interval", Duration.ofMillis(200),
      "How often sources ask their watermark generators for a periodic watermark.");

  public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.durationOption(
      "execution.buffer-timeout", Duration.ofMillis(100),
      "Longest time a partly filled output batch waits before it is sent.");

  public static final ConfigOption<Integer> BATCH_SIZE = ConfigOption.intOption(
      "execution.batch-size", 512, "Records per batch between tasks.");

  public static final ConfigOption<Integer> CHANNEL_CAPACITY = ConfigOption.intOption(
      "execution.channel-capacity", 8, "Batches a channel between two subtasks holds before the sender waits.");

  public static final ConfigOption<String> STATE_BACKEND = ConfigOption.stringOption(
      "state.backend.type", "hashmap", "Where keyed state lives: hashmap, rocksdb or disaggregated.");

  public static final ConfigOption<Boolean> OPERATOR_CHAINING = ConfigOption.booleanOption(
      "pipeline.operator-chaining.enabled", true,
      "Whether operators joined by forward edges at equal parallelism run in one task (chaining).");
}
