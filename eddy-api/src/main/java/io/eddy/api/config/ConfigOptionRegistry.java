package io.eddy.api.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every configuration option of the modules on the class path (found through
 * {@link ConfigOptionsProvider}), and the check of a configuration against them: a key in one
 * of Eddy's namespaces that no option defines is an error naming the closest known key, and a
 * known key's value must parse. Keys outside those namespaces (a connector's, a user's) are
 * left alone. An option whose key has a placeholder such as {@code <name>} (a metric reporter's
 * name) stands for every key with any text there. Immutable once built; thread-safe.
 */
public final class ConfigOptionRegistry {
  /** Prefixes whose every key must be a defined option. */
  public static final List<String> CHECKED_NAMESPACES =
      List.of("state.", "execution.", "pipeline.", "restart-strategy.", "table.", "metrics.");

  private final Map<Class<?>, List<ConfigOption<?>>> byClass;
  private final Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();
  private final Map<java.util.regex.Pattern, ConfigOption<?>> byPattern = new LinkedHashMap<>();

  private ConfigOptionRegistry(Map<Class<?>, List<ConfigOption<?>>> byClass) {
    this.byClass = byClass;
    byClass.values().forEach(list -> list.forEach(o -> {
      ConfigOption<?> previous = byKey.putIfAbsent(o.key(), o);
      if (previous != null && previous != o) {
        throw new IllegalStateException("Configuration key " + o.key() + " is defined twice");
      }
      if (o.key().contains("<")) {
        byPattern.put(patternOf(o.key()), o);
      }
    }));
  }

  /** The options of every provider found by the class loader that loaded this class. */
  public static ConfigOptionRegistry load() {
    return of(ServiceLoader.load(ConfigOptionsProvider.class, ConfigOptionRegistry.class.getClassLoader()));
  }

  public static ConfigOptionRegistry of(Iterable<? extends ConfigOptionsProvider> providers) {
    Map<Class<?>, List<ConfigOption<?>>> byClass = new LinkedHashMap<>();
    for (ConfigOptionsProvider provider : providers) {
      for (Class<?> holder : provider.optionClasses()) {
        byClass.put(holder, optionsOf(holder));
      }
    }
    return new ConfigOptionRegistry(byClass);
  }

  private static List<ConfigOption<?>> optionsOf(Class<?> holder) {
    List<ConfigOption<?>> options = new ArrayList<>();
    for (Field field : holder.getFields()) {
      int m = field.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == ConfigOption.class) {
        try {
          options.add((ConfigOption<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Cannot read option " + holder.getName() + "." + field.getName(), e);
        }
      }
    }
    return options;
  }

  /** The options by the class that defines them, in provider order. */
  public Map<Class<?>, List<ConfigOption<?>>> byClass() {
    return Collections.unmodifiableMap(byClass);
  }

  /**
   * The option of {@code key}: defined with that key, or else the most specific
   * placeholder key it fits (the one with the most literal text); null if none.
   */
  public ConfigOption<?> find(String key) {
    ConfigOption<?> option = byKey.get(key);
    if (option != null) {
      return option;
    }
    ConfigOption<?> best = null;
    for (Map.Entry<java.util.regex.Pattern, ConfigOption<?>> e : byPattern.entrySet()) {
      if (e.getKey().matcher(key).matches() && (best == null || literalLength(e.getValue()) > literalLength(best))) {
        best = e.getValue();
      }
    }
    return best;
  }

  private static int literalLength(ConfigOption<?> option) {
    return option.key().replaceAll("<[^>]+>", "").length();
  }

  /** A key whose {@code <placeholder>}s match any non-empty text. */
  private static java.util.regex.Pattern patternOf(String key) {
    StringBuilder regex = new StringBuilder();
    for (String part : key.split("<[^>]+>", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".+");
      }
      regex.append(java.util.regex.Pattern.quote(part));
    }
    return java.util.regex.Pattern.compile(regex.toString());
  }

  /**
   * Checks every key of {@code configuration}.
   *
   * @throws IllegalArgumentException naming the first unknown key (and the closest known one)
   *     or the first value that does not parse
   */
  public void validate(Configuration configuration) {
    for (Map.Entry<String, String> e : configuration.toMap().entrySet()) {
      String key = e.getKey();
      ConfigOption<?> option = find(key);
      if (option == null) {
        if (isChecked(key)) {
          throw new IllegalArgumentException("Unknown configuration key '" + key + "'" + suggestion(key)
              + " (every key under " + String.join(", ", CHECKED_NAMESPACES)
              + " must be a defined option; see docs/configuration.md)");
        }
        continue;
      }
      try {
        option.parser().apply(e.getValue());
      } catch (RuntimeException bad) {
        throw new IllegalArgumentException("Invalid value '" + e.getValue() + "' for configuration key " + key + ": "
            + bad.getMessage(), bad);
      }
    }
  }

  private static boolean isChecked(String key) {
    return CHECKED_NAMESPACES.stream().anyMatch(key::startsWith);
  }

  private String suggestion(String key) {
    String best = EditDistance.closest(key, byKey.keySet());
    return best == null ? "" : "; did you mean '" + best + "'?";
  }
}
