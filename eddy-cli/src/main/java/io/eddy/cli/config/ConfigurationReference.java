package io.eddy.cli.config;

import io.eddy.api.config.ConfigOption;
import io.eddy.api.config.ConfigOptionRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/configuration.md from the option definitions themselves (the
 * {@link ConfigOptionRegistry} of every module the CLI bundles), so the reference cannot drift
 * from the code: ConfigurationReferenceTest fails when the file differs from what this
 * generates, and rewrites it when run with {@code -Deddy.docs.write=true}.
 */
public final class ConfigurationReference {
  private ConfigurationReference() {}

  public static String markdown(ConfigOptionRegistry registry) {
    StringBuilder md = new StringBuilder();
    md.append("# Configuration reference\n\n")
        .append("Generated from the option definitions by `io.eddy.cli.config.ConfigurationReference`; do not edit ")
        .append("by hand. After changing an option, regenerate it with\n")
        .append("`mvn -B -q -pl eddy-cli -am test -Dtest=ConfigurationReferenceTest -Dsurefire.failIfNoSpecifiedTests=false ")
        .append("-Deddy.docs.write=true` (the test fails while this file is stale).\n\n")
        .append("Where values come from, lowest precedence first: the defaults below, `conf/eddy.yaml` (or ")
        .append("`$EDDY_CONF_DIR/eddy.yaml`; Flink's config.yaml shape, nested maps or flat dotted keys), `-D key=value` ")
        .append("on the command line, then a command's own flags (`--parallelism`, `--backend`, ...). In a job's code, ")
        .append("what it sets on its environment wins over all of these.\n\n")
        .append("A key under ").append(String.join(", ", ConfigOptionRegistry.CHECKED_NAMESPACES.stream()
            .map(n -> "`" + n + "`").toList()))
        .append(" that is not listed here is an error naming the closest known key. Durations are written like ")
        .append("`500 ms`, `10 s`, `1 min`; memory sizes like `64 mb`, `1 gb`.\n");
    List<Map.Entry<Class<?>, List<ConfigOption<?>>>> classes = new ArrayList<>(registry.byClass().entrySet());
    classes.sort(Comparator.comparing(e -> e.getKey().getName()));
    for (Map.Entry<Class<?>, List<ConfigOption<?>>> e : classes) {
      md.append("\n## ").append(e.getKey().getSimpleName()).append("\n\n`").append(e.getKey().getName()).append("`\n\n");
      md.append("| key | default | description |\n|---|---|---|\n");
      List<ConfigOption<?>> options = new ArrayList<>(e.getValue());
      options.sort(Comparator.comparing(ConfigOption::key));
      for (ConfigOption<?> o : options) {
        md.append("| `").append(o.key()).append("` | ").append(defaultText(o)).append(" | ")
            .append(o.description().replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String defaultText(ConfigOption<?> option) {
    Object value = option.defaultValue();
    String text;
    if (value instanceof Duration d) {
      text = duration(d);
    } else if (value instanceof Long bytes && isMemory(option.key()) && bytes > 0 && bytes % 1024 == 0) {
      text = memory(bytes);
    } else if (value instanceof Integer i && i == Integer.MAX_VALUE) {
      text = "unbounded (" + i + ")";
    } else {
      text = String.valueOf(value);
    }
    return text.isEmpty() ? "(none)" : "`" + text + "`";
  }

  private static boolean isMemory(String key) {
    return key.endsWith("size") || key.endsWith("memory-size") || key.contains("memory.size");
  }

  private static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0 ms";
    }
    for (long[] unit : new long[][] {{86_400_000, 'd'}, {3_600_000, 'h'}, {60_000, 'm'}, {1000, 's'}}) {
      if (ms % unit[0] == 0) {
        String name = switch ((char) unit[1]) {
          case 'd' -> " d";
          case 'h' -> " h";
          case 'm' -> " min";
          default -> " s";
        };
        return ms / unit[0] + name;
      }
    }
    return ms + " ms";
  }

  private static String memory(long bytes) {
    String[] units = {"b", "kb", "mb", "gb", "tb"};
    int u = 0;
    while (u < units.length - 1 && bytes % 1024 == 0 && bytes >= 1024) {
      bytes /= 1024;
      u++;
    }
    return bytes + " " + units[u];
  }
}
