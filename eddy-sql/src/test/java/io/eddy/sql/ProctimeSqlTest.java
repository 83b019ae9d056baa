package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.api.types.Row;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processing-time attributes ({@code p AS PROCTIME()}, or {@code PROCTIME()} selected in a query):
 * what DESCRIBE shows, which operators use them, and window aggregation over them, checked by
 * what holds whatever the clock says (every row counted once, in aligned windows).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProctimeSqlTest {
  @TempDir
  Path dir;

  private String table() throws Exception {
    Path events = dir.resolve("events.jsonl");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      rows.append("{\"k\":\"").append((char) ('a' + i % 3)).append("\",\"v\":").append(i).append("}\n");
    }
    Files.writeString(events, rows);
    return "CREATE TEMPORARY TABLE t (k STRING, v BIGINT, p AS PROCTIME())"
        + " WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n";
  }

  private TableEnvironment env() throws Exception {
    TableEnvironment env = TableEnvironment.create(new Configuration());
    env.executeSql(table().strip().replaceAll(";$", ""));
    return env;
  }

  private List<Row> run(String query, boolean fireAtEnd) throws Exception {
    Configuration conf = new Configuration();
    conf.set(TableConfigOptions.PROCTIME_WINDOWS_FIRE_AT_END, fireAtEnd);
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(conf), new PrintStream(new ByteArrayOutputStream()))
        .run(table() + query);
    return r.rows();
  }

  @Test
  void describeMarksTheProctimeAttribute() throws Exception {
    List<Row> rows = new java.util.ArrayList<>();
    env().executeSql("DESCRIBE t").collect().forEachRemaining(rows::add);
    assertThat(rows.get(2).toString()).contains("p, TIMESTAMP_LTZ(3) *PROCTIME*, false", "AS PROCTIME()");
  }

  @Test
  void windowAggregationOverProctimeCountsEveryRowOnceInAlignedWindows() throws Exception {
    for (String query : List.of(
        "SELECT k, COUNT(*) AS c, window_start, window_end FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(p),"
            + " INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end;",
        // Flink's original q12: a PROCTIME() selected in a subquery, a legacy group window whose
        // start and end are TIMESTAMP_LTZ(3), the attribute's type
        "SELECT k, COUNT(*) AS c, TUMBLE_START(pt, INTERVAL '10' SECOND), TUMBLE_END(pt, INTERVAL '10' SECOND)"
            + " FROM (SELECT k, PROCTIME() AS pt FROM t) GROUP BY k, TUMBLE(pt, INTERVAL '10' SECOND);")) {
      Map<Object, Long> counts = new HashMap<>();
      for (Row row : run(query, true)) {
        LocalDateTime start = utc(row.getField(2));
        assertThat(Duration.between(start, utc(row.getField(3)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(start.getSecond() % 10).isZero();
        assertThat(start.getNano()).isZero();
        counts.merge(row.getField(0), (Long) row.getField(1), Long::sum);
      }
      assertThat(counts).as(query).isEqualTo(Map.of("a", 100L, "b", 100L, "c", 100L));
    }
  }

  /** A TIMESTAMP (window TVF columns) or TIMESTAMP_LTZ (legacy windows over proctime) in UTC, the session zone. */
  private static LocalDateTime utc(Object time) {
    return time instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : (LocalDateTime) time;
  }

  @Test
  void cumulateOverProctimeCountsEveryRowInItsWholeDayWindow() throws Exception {
    // the day-long window of CUMULATE(1 hour, 1 day) holds every row of its day (two if the run
    // crosses midnight, together every row)
    Map<Object, Long> counts = new HashMap<>();
    for (Row row : run("SELECT k, COUNT(*) AS c, window_start, window_end FROM TABLE(CUMULATE(TABLE t, DESCRIPTOR(p),"
        + " INTERVAL '1' HOUR, INTERVAL '1' DAY)) GROUP BY k, window_start, window_end;", true)) {
      assertThat(((LocalDateTime) row.getField(2)).toLocalTime()).hasToString("00:00");
      if (((LocalDateTime) row.getField(3)).toLocalTime().toSecondOfDay() == 0) {
        counts.merge(row.getField(0), (Long) row.getField(1), Long::sum);
      }
    }
    assertThat(counts).isEqualTo(Map.of("a", 100L, "b", 100L, "c", 100L));
  }

  @Test
  void overAggregationByProctimeFollowsArrivalOrder() throws Exception {
    // one source split read in file order: k = a gets v = 0, 3, 6, ...
    List<String> lines = CsvResult.lines(List.of("k", "v", "c", "s"), run("SELECT k, v, COUNT(*) OVER w AS c,"
        + " SUM(v) OVER w AS s FROM t WINDOW w AS (PARTITION BY k ORDER BY p ROWS BETWEEN 1 PRECEDING AND CURRENT ROW);",
        false));
    assertThat(lines).hasSize(301).contains("a,0,1,0", "a,3,2,3", "a,6,2,9", "c,299,2,595");
  }

  @Test
  void explainShowsAProcessingTimeWindow() throws Exception {
    assertThat(env().explainSql("SELECT k, COUNT(*) AS c, window_start, window_end FROM TABLE(HOP(TABLE t,"
        + " DESCRIPTOR(p), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end"))
        .contains("WindowAggregate(groupBy=[k], window=[", "on p (processing time)]");
  }

  @Test
  void aWindowTableFunctionOverProctimeAloneIsRefusedAsFlinkRefusesIt() throws Exception {
    assertThatThrownBy(() -> env().explainSql("SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(p), INTERVAL '10' SECOND))"))
        .hasMessageContaining("Processing time Window TableFunction is not supported yet.");
  }

  @Test
  void rowNumberOnTheProctimeIsAProctimeDeduplicate() throws Exception {
    TableEnvironment env = env();
    assertThat(env.explainSql("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY p) AS rn"
        + " FROM t) WHERE rn = 1"))
        .contains("Deduplicate(keep=[FirstRow], key=[k], order=[PROCTIME], changelogMode=[I]");
    assertThat(env.explainSql("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY p DESC) AS rn"
        + " FROM t) WHERE rn = 1"))
        .contains("Deduplicate(keep=[LastRow], key=[k], order=[PROCTIME]");
  }

  @Test
  void proctimeDeduplicationKeepsTheFirstAndLastRowsByArrival() throws Exception {
    // one source split read in file order: arrival order is the file's
    assertThat(CsvResult.lines(List.of("k", "v"), run("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k"
        + " ORDER BY p) AS rn FROM t) WHERE rn = 1;", false))).containsExactly("k,v", "a,0", "b,1", "c,2");
    assertThat(CsvResult.lines(List.of("k", "v"), run("SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k"
        + " ORDER BY p DESC) AS rn FROM t) WHERE rn = 1;", false))).containsExactly("k,v", "a,297", "b,298", "c,299");
  }
}
