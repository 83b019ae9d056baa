package io.eddy.api.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Job configuration: string keys with Flink's names where the concept is the same
 * ({@code parallelism.default}, {@code state.backend.type}, ...). Values are kept as text and
 * parsed by the {@link ConfigOption} that reads them, so a bad value fails with its key named.
 */
public final class Configuration implements Serializable {
  private final TreeMap<String, String> values = new TreeMap<>();

  public Configuration() {}

  public Configuration(Map<String, String> initial) {
    values.putAll(initial);
  }

  public Configuration set(String key, String value) {
    values.put(key, value);
    return this;
  }

  public <T> Configuration set(ConfigOption<T> option, T value) {
    values.put(option.key(), value instanceof java.time.Duration d ? Durations.format(d) : String.valueOf(value));
    return this;
  }

  public <T> T get(ConfigOption<T> option) {
    String text = values.get(option.key());
    if (text == null) {
      return option.defaultValue();
    }
    try {
      return option.parser().apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Invalid value '" + text + "' for configuration key " + option.key() + ": " + e.getMessage(), e);
    }
  }

  public boolean contains(ConfigOption<?> option) {
    return values.containsKey(option.key());
  }

  public Map<String, String> toMap() {
    return Collections.unmodifiableMap(values);
  }

  public Configuration copy() {
    return new Configuration(values);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
