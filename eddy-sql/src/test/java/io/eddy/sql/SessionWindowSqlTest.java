package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Session windows in both of Flink's syntaxes give the same sessions (gap 5 s, watermark 1 s behind). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionWindowSqlTest {
  @TempDir
  Path dir;

  private String run(String query) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"k\":\"a\",\"v\":1,\"ts\":\"2015-07-15 00:00:00.000\"}",
        "{\"k\":\"b\",\"v\":2,\"ts\":\"2015-07-15 00:00:01.000\"}",
        "{\"k\":\"a\",\"v\":3,\"ts\":\"2015-07-15 00:00:05.000\"}",
        "{\"k\":\"a\",\"v\":4,\"ts\":\"2015-07-15 00:00:12.000\"}",
        "{\"k\":\"b\",\"v\":5,\"ts\":\"2015-07-15 00:00:13.000\"}",
        "{\"k\":\"a\",\"v\":6,\"ts\":\"2015-07-15 00:00:09.000\"}") + "\n");
    String script = "CREATE TEMPORARY TABLE t (k STRING, v BIGINT, ts TIMESTAMP(3),\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND\n"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n" + query;
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return String.join("\n", CsvResult.lines(r.columns(), r.rows()));
  }

  // a: 0 and 5 touch ([0,5) and [5,10) merge). 9 arrives after b@13 set the watermark to 12, so
  // [0,10) has fired (10 - 1 <= 12); 9's own window [9,14) is still open and merges with [12,17).
  private static final String EXPECTED = String.join("\n", "k,c,s,window_start,window_end",
      "a,2,10,2015-07-15 00:00:09.000,2015-07-15 00:00:17.000",
      "a,2,4,2015-07-15 00:00:00.000,2015-07-15 00:00:10.000",
      "b,1,2,2015-07-15 00:00:01.000,2015-07-15 00:00:06.000",
      "b,1,5,2015-07-15 00:00:13.000,2015-07-15 00:00:18.000");

  @Test
  void sessionTableFunctionWithPartitionBy() throws Exception {
    assertThat(run("SELECT k, COUNT(*) AS c, SUM(v) AS s, window_start, window_end\n"
        + "FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' SECOND))\n"
        + "GROUP BY k, window_start, window_end;")).isEqualTo(EXPECTED);
  }

  @Test
  void legacyGroupBySession() throws Exception {
    assertThat(run("SELECT k, COUNT(*) AS c, SUM(v) AS s, SESSION_START(ts, INTERVAL '5' SECOND) AS window_start,\n"
        + "  SESSION_END(ts, INTERVAL '5' SECOND) AS window_end\n"
        + "FROM t GROUP BY k, SESSION(ts, INTERVAL '5' SECOND);")).isEqualTo(EXPECTED);
  }
}
