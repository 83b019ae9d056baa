package io.eddy.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CREATE FUNCTION with aggregate functions in group and window aggregations, against hand-computed tables. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AggregateFunctionSqlTest {
  private static final String PKG = "io.eddy.sql.functions.TestAggregateFunctions$";
  private static final String FUNCTIONS = "CREATE FUNCTION wavg AS '" + PKG + "WeightedAvg';\n"
      + "CREATE TEMPORARY FUNCTION longest AS '" + PKG + "Longest';\n";

  @TempDir
  Path dir;

  private List<String> run(String statements) throws Exception {
    Path events = dir.resolve("t.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"k\":\"a\",\"v\":10,\"w\":1,\"s\":\"x\",\"ts\":\"2015-07-15 00:00:00.000\"}",
        "{\"k\":\"a\",\"v\":40,\"w\":2,\"s\":\"xyz\",\"ts\":\"2015-07-15 00:00:03.000\"}",
        "{\"k\":\"b\",\"v\":7,\"w\":3,\"s\":null,\"ts\":\"2015-07-15 00:00:04.000\"}",
        "{\"k\":\"a\",\"v\":1,\"w\":1,\"s\":\"xy\",\"ts\":\"2015-07-15 00:00:12.000\"}") + "\n");
    String script = "CREATE TABLE t (k STRING, v BIGINT, w INT, s STRING, ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts) WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n"
        + FUNCTIONS + statements;
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration().set("parallelism.default", "2")),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return CsvResult.lines(r.columns(), r.rows());
  }

  @Test
  void groupAggregationOfInsertOnlyRows() throws Exception {
    // a: (10*1 + 40*2 + 1*1) / 4 = 22; b: 7*3 / 3 = 7
    assertThat(run("SELECT k, wavg(v, w) AS a, longest(s) AS l, COUNT(*) AS n FROM t GROUP BY k;"))
        .containsExactly("k,a,l,n", "a,22,xyz,3", "b,7,,1");
  }

  @Test
  void retractsWhenTheInputUpdates() throws Exception {
    // per key the latest row wins (dedup by ROW_NUMBER on the rowtime, descending): a(1, 1), b(7, 3)
    assertThat(run("SELECT wavg(v, w) AS a, COUNT(*) AS n FROM (\n"
        + "  SELECT k, v, w FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM t)"
        + " WHERE rn = 1);"))
        .containsExactly("a,n", "5,2");
  }

  @Test
  void windowAggregation() throws Exception {
    assertThat(run("SELECT k, window_start, wavg(v, w) AS a, longest(s) AS l\n"
        + "FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end;"))
        .containsExactly("k,window_start,a,l", "a,2015-07-15 00:00:00.000,30,xyz", "a,2015-07-15 00:00:10.000,1,xy",
            "b,2015-07-15 00:00:00.000,7,");
  }

  @Test
  void errorsNameTheMissingRetractOrTheSignatures() {
    assertThatThrownBy(() -> run("SELECT longest(k) FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k);"))
        .hasMessageContaining("TestAggregateFunctions$Longest has no method retract");
    assertThatThrownBy(() -> run("SELECT wavg(s, v) FROM t;"))
        .hasMessageContaining("Supported form(s): 'wavg(BIGINT, INT)'");
  }
}
