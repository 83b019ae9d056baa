package io.eddy.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code eddy.yaml}: the configuration file in Flink's config.yaml shape. Keys nest as maps
 * ({@code state: {backend: {type: rocksdb}}}) or are written flat with dots
 * ({@code state.backend.type: rocksdb}), or both; either way they become dotted keys. Scalars
 * keep their YAML text; a list becomes its items joined by {@code ;} (Flink's list syntax).
 * Stateless.
 */
public final class ConfigFile {
  public static final String NAME = "eddy.yaml";

  private ConfigFile() {}

  /** The folder of the file: {@code $EDDY_CONF_DIR} when set, else {@code ./conf}. */
  public static Path directory(Map<String, String> environment) {
    String dir = environment.get("EDDY_CONF_DIR");
    return dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of("conf");
  }

  /** The flattened keys of {@code file}, or none when it does not exist. */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> flat = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return flat;
    }
    Object root;
    try (Reader in = Files.newBufferedReader(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null) {
      return flat;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(file + " must be a map of configuration keys, not a " + kind(root));
    }
    flatten("", map, flat, file);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat, Path file) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, flat, file);
      } else if (value == null) {
        throw new IllegalArgumentException("Configuration key " + key + " in " + file + " has no value");
      } else {
        String text = value instanceof List<?> list
            ? list.stream().map(String::valueOf).collect(Collectors.joining(";"))
            : String.valueOf(value);
        if (flat.put(key, text) != null) {
          throw new IllegalArgumentException("Configuration key " + key + " is set twice in " + file);
        }
      }
    }
  }

  private static String kind(Object value) {
    return value instanceof List<?> ? "list" : "single value";
  }
}
