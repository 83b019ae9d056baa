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

/**
 * A bounded out-of-orderness watermark ({@code ts - INTERVAL ...}, computed from the row's
 * timestamp without evaluating the expression) drops exactly the late rows that the same
 * watermark written as a general expression drops.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WatermarkExpressionSqlTest {
  @TempDir
  Path dir;

  private String windowCounts(String watermark) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, String.join("\n",
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:00.000\"}",
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:04.999\"}",
        "{\"k\":\"b\",\"ts\":\"2015-07-15 00:00:06.500\"}",
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:04.500\"}", // watermark 4.500: [0, 5) still open
        "{\"k\":\"b\",\"ts\":\"2015-07-15 00:00:07.000\"}", // watermark 5.000: [0, 5) fires
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:03.000\"}", // late: dropped
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:05.001\"}",
        "{\"k\":\"b\",\"ts\":\"2015-07-15 00:00:12.000\"}",
        "{\"k\":\"a\",\"ts\":\"2015-07-15 00:00:09.999\"}", // late: watermark 10.000 fired [5, 10)
        "{\"k\":\"b\",\"ts\":\"2015-07-15 00:00:14.000\"}") + "\n");
    String script = "CREATE TEMPORARY TABLE t (k STRING, ts TIMESTAMP(3),\n"
        + "  WATERMARK FOR ts AS " + watermark + "\n"
        + ") WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'json');\n"
        + "SELECT k, COUNT(*) AS c, window_start FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND))\n"
        + "GROUP BY k, window_start, window_end;";
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return String.join("\n", CsvResult.lines(r.columns(), r.rows()));
  }

  private static final String EXPECTED = String.join("\n", "k,c,window_start",
      "a,1,2015-07-15 00:00:05.000",
      "a,3,2015-07-15 00:00:00.000",
      "b,2,2015-07-15 00:00:05.000",
      "b,2,2015-07-15 00:00:10.000");

  @Test
  void boundedDelayDropsTheLateRowsTheGeneralExpressionDrops() throws Exception {
    assertThat(windowCounts("ts - INTERVAL '2' SECOND")).isEqualTo(EXPECTED);
    assertThat(windowCounts("ts - INTERVAL '1' SECOND - INTERVAL '1' SECOND")).isEqualTo(EXPECTED);
    assertThat(windowCounts("TIMESTAMPADD(SECOND, -2, ts)")).isEqualTo(EXPECTED);
  }
}
