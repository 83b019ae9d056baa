package io.eddy.examples.logistics;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.parser.ScriptSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The logistics job in SQL ({@code eddy run logistics --sql}): the script
 * {@code logistics/logistics.sql} (the 'logistics' connector's feed, order deduplication by
 * ROW_NUMBER, MATCH_RECOGNIZE alerts, window and group aggregation) added to a job as two
 * changelog streams, the alerts and the on-time table. Rows are turned into the DataStream job's
 * {@link Alert} and {@link DeliveryStats}, so both forms write their tables the same way.
 */
public final class LogisticsSqlPipeline {
  static final String SCRIPT = "logistics/logistics.sql";

  /** The job's two changelogs: alerts [order_id, platform, alert, events], stats [platform, hour_start, delivered, on_time, delivery_seconds]. */
  public record Results(DataStream<Row> alerts, DataStream<Row> deliveryStats) {}

  private LogisticsSqlPipeline() {}

  /** Adds the script's job to {@code env}; {@code conf} configures the SQL session (e.g. table.exec.state.ttl). */
  public static Results build(StreamEnvironment env, Configuration conf, LogisticsGenerator input, long seed,
      double rate) {
    TableEnvironment tables = TableEnvironment.create(conf);
    List<String> queries = new ArrayList<>();
    for (ScriptSplitter.StatementText statement : ScriptSplitter.split(script(input.orders(), seed, rate))) {
      if (statement.sql().strip().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
        queries.add(statement.sql());
      } else {
        tables.executeSql(statement.sql());
      }
    }
    if (queries.size() != 2) {
      throw new IllegalStateException(SCRIPT + " must end with two queries (alerts, delivery stats), has " + queries.size());
    }
    return new Results(tables.toChangelogStream(env, queries.get(0)), tables.toChangelogStream(env, queries.get(1)));
  }

  private static String script(long orders, long seed, double rate) {
    try (InputStream in = LogisticsSqlPipeline.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("resource " + SCRIPT + " not found");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${ORDERS}", String.valueOf(orders))
          .replace("${SEED}", String.valueOf(seed)).replace("${RATE}", String.valueOf(rate));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + SCRIPT, e);
    }
  }

  /** An alerts row as the DataStream job's alert. */
  static Alert alert(Row row) {
    Platform platform = platform((String) row.getField(1));
    return new Alert(AlertKind.valueOf((String) row.getField(2)), (Long) row.getField(0), platform,
        (String) row.getField(3));
  }

  /** A stats row as the DataStream job's row of the on-time table. */
  static DeliveryStats deliveryStats(Row row) {
    long hourStart = ((java.time.LocalDateTime) row.getField(1)).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    return new DeliveryStats(platform((String) row.getField(0)), hourStart, (Long) row.getField(2),
        ((Number) row.getField(3)).longValue(), (Long) row.getField(4) * 1000);
  }

  private static Platform platform(String label) {
    return Arrays.stream(Platform.values()).filter(p -> p.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown platform " + label));
  }
}
