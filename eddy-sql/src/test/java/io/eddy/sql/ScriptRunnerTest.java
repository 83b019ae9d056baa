package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.parser.SqlParseException;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
  @TempDir
  Path dir;

  private ScriptRunner.Result run(String script) {
    return new ScriptRunner(TableEnvironment.create(new Configuration()), new PrintStream(new ByteArrayOutputStream()))
        .run(script);
  }

  private String ddl() throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"k\":\"a\",\"v\":1,\"ts\":\"2015-07-15 00:00:00.000\"}",
        "{\"k\":\"b\",\"v\":2,\"ts\":\"2015-07-15 00:00:01.000\"}",
        "{\"k\":\"a\",\"v\":3,\"ts\":\"2015-07-15 00:00:04.000\"}",
        "{\"k\":\"a\",\"v\":4,\"ts\":\"2015-07-15 00:00:12.000\"}",
        "{\"k\":\"b\",\"v\":null,\"ts\":\"2015-07-15 00:00:13.000\"}") + "\n");
    return "CREATE TEMPORARY TABLE t (k STRING, v BIGINT, ts TIMESTAMP(3), v2 AS v * 2,\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND\n"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n";
  }

  @Test
  void projectsAndFilters() throws Exception {
    ScriptRunner.Result r = run(ddl() + "SELECT k, v2, 0.5 * v AS half FROM t WHERE v > 1;");
    assertThat(CsvResult.lines(r.columns(), r.rows())).containsExactly("k,v2,half", "a,6,1.5", "a,8,2.0", "b,4,1.0");
  }

  @Test
  void groupAggregationAppliesRetractions() throws Exception {
    ScriptRunner.Result r = run(ddl()
        + "SELECT k, COUNT(*) AS c, SUM(v) AS s, MIN(v) AS mn, MAX(v) AS mx, AVG(v) AS a, COUNT(DISTINCT v) AS d,\n"
        + "  COUNT(*) FILTER (WHERE v > 2) AS big FROM t GROUP BY k;");
    assertThat(CsvResult.lines(r.columns(), r.rows()))
        .containsExactly("k,c,s,mn,mx,a,d,big", "a,3,8,1,4,2,3,2", "b,2,2,2,2,2,1,0");
  }

  @Test
  void tumblingWindowAggregation() throws Exception {
    ScriptRunner.Result r = run(ddl()
        + "SELECT k, COUNT(*) AS c, window_start, window_end\n"
        + "FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end;");
    assertThat(CsvResult.lines(r.columns(), r.rows())).containsExactly("k,c,window_start,window_end",
        "a,1,2015-07-15 00:00:10.000,2015-07-15 00:00:20.000",
        "a,2,2015-07-15 00:00:00.000,2015-07-15 00:00:10.000",
        "b,1,2015-07-15 00:00:00.000,2015-07-15 00:00:10.000",
        "b,1,2015-07-15 00:00:10.000,2015-07-15 00:00:20.000");
  }

  @Test
  void validationErrorNamesScriptLineAndColumn() throws Exception {
    String script = ddl() + "SELECT k,\n  nope FROM t;";
    assertThatThrownBy(() -> run(script)).isInstanceOf(SqlParseException.class)
        .hasMessageContaining("line 5, column 3").hasMessageContaining("nope");
  }
}
