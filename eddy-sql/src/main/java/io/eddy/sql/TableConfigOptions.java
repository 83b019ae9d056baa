package io.eddy.sql;

import io.eddy.api.config.ConfigOption;
import io.eddy.api.config.ConfigOptionsProvider;
import java.time.Duration;
import java.util.List;

/** The {@code table.} options of SQL jobs (Flink's names), registered so that configuration checks know them. */
public final class TableConfigOptions implements ConfigOptionsProvider {
  public static final ConfigOption<Duration> STATE_TTL = ConfigOption.durationOption(
      "table.exec.state.ttl", Duration.ZERO,
      "How long the state of an idle key (a group, a join side) is kept by SQL operators; 0 keeps it forever.");

  @Override
  public List<Class<?>> optionClasses() {
    return List.of(TableConfigOptions.class);
  }
}
