package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OVER aggregations on the rowtime end to end; expected tables derived by hand. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OverAggregationSqlTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "ROWS BETWEEN 1 PRECEDING AND CURRENT ROW; k,v,s|a,1,1|a,3,4|a,4,7|b,2,2|b,5,7",
      "RANGE BETWEEN INTERVAL '5' SECOND PRECEDING AND CURRENT ROW; k,v,s|a,1,1|a,3,4|a,4,4|b,2,2|b,5,5",
      "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW; k,v,s|a,1,1|a,3,4|a,4,8|b,2,2|b,5,7"})
  void sumOverFrame(String frame, String expected) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"k\":\"a\",\"v\":1,\"ts\":\"2015-07-15 00:00:00.000\"}",
        "{\"k\":\"b\",\"v\":2,\"ts\":\"2015-07-15 00:00:01.000\"}",
        "{\"k\":\"a\",\"v\":3,\"ts\":\"2015-07-15 00:00:05.000\"}",
        "{\"k\":\"a\",\"v\":4,\"ts\":\"2015-07-15 00:00:12.000\"}",
        "{\"k\":\"b\",\"v\":5,\"ts\":\"2015-07-15 00:00:13.000\"}") + "\n");
    String script = "CREATE TEMPORARY TABLE t (k STRING, v BIGINT, ts TIMESTAMP(3),\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND\n"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n"
        + "SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY ts " + frame + ") AS s FROM t;";
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    assertThat(String.join("|", CsvResult.lines(r.columns(), r.rows()))).isEqualTo(expected);
  }
}
