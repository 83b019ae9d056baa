package io.eddy.api.config;

import java.util.function.Function;

/** A typed configuration key with its default and how to read it from text. */
public record ConfigOption<T>(String key, T defaultValue, Function<String, T> parser, String description) {

  public static ConfigOption<Integer> intOption(String key, int defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, Integer::parseInt, description);
  }

  public static ConfigOption<Long> longOption(String key, long defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, Long::parseLong, description);
  }

  public static ConfigOption<Boolean> booleanOption(String key, boolean defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, ConfigOption::parseBoolean, description);
  }

  public static ConfigOption<String> stringOption(String key, String defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, Function.identity(), description);
  }

  public static ConfigOption<java.time.Duration> durationOption(
      String key, java.time.Duration defaultValue, String description) {
    return new ConfigOption<>(key, defaultValue, Durations::parse, description);
  }

  /** A size in bytes, written like "64mb" or "1 gb" (see {@link MemorySizes}). */
  public static ConfigOption<Long> memoryOption(String key, long defaultBytes, String description) {
    return new ConfigOption<>(key, defaultBytes, MemorySizes::parse, description);
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    };
  }
}
