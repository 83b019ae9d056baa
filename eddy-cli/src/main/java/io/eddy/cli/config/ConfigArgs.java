package io.eddy.cli.config;

import io.eddy.api.config.ConfigOptionRegistry;
import io.eddy.api.config.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code -D key=value} option of every command that runs a job, and the configuration it
 * resolves to: defaults, overridden by conf/eddy.yaml (see {@link ConfigFile}), overridden by
 * {@code -D}; a command's own flags (--parallelism, --backend, ...) override all three where
 * the user gave them. Validated against every defined option.
 */
public final class ConfigArgs {
  @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Configuration key, e.g. -D state.backend.type=rocksdb "
      + "(over conf/eddy.yaml or $EDDY_CONF_DIR/eddy.yaml; see docs/configuration.md).")
  Map<String, String> dynamic = new LinkedHashMap<>();

  /** The file's keys overridden by -D, checked: an unknown key or a bad value is an error naming it. */
  public Configuration resolve() {
    return resolve(System.getenv());
  }

  Configuration resolve(Map<String, String> environment) {
    Configuration conf = new Configuration();
    try {
      ConfigFile.read(ConfigFile.directory(environment).resolve(ConfigFile.NAME)).forEach(conf::set);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the configuration file: " + e.getMessage(), e);
    }
    dynamic.forEach(conf::set);
    ConfigOptionRegistry.load().validate(conf);
    return conf;
  }

  /** The -D keys as given (nothing from the file). */
  public Map<String, String> dynamic() {
    return dynamic;
  }
}
