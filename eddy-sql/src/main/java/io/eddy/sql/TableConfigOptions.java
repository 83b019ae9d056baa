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

  public static final ConfigOption<String> SINK_UPSERT_MATERIALIZE = ConfigOption.stringOption(
      "table.exec.sink.upsert-materialize", "AUTO",
      "NONE, AUTO or FORCE (Flink's): whether an updating INSERT into a table with a primary key goes through a "
          + "SinkUpsertMaterializer keyed by it; AUTO refuses a query whose upsert key differs from the primary key "
          + "unless it ends with ON CONFLICT DO DEDUPLICATE, FORCE always materializes.");

  public static final ConfigOption<Boolean> PROCTIME_WINDOWS_FIRE_AT_END = ConfigOption.booleanOption(
      "table.exec.window.proctime.fire-at-end-of-input", false,
      "Eddy's, not Flink's: whether the processing-time windows of a window aggregation that are still open when "
          + "a bounded input ends fire then. Flink drops them, as it drops every pending processing-time timer at "
          + "the end of input (the default); eddy nexmark --sql sets it for q12 so that every bid is counted.");

  @Override
  public List<Class<?>> optionClasses() {
    return List.of(TableConfigOptions.class);
  }
}
