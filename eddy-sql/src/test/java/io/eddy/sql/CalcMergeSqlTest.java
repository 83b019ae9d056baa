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
 * A query's Calc over a view's Calc is one Calc, whose upper condition and projections see only
 * the rows the view's condition keeps (10 / v never meets v = 0).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CalcMergeSqlTest {
  @TempDir
  Path dir;

  private static final String QUERY = "SELECT k, 10 / v AS q FROM nonzero WHERE 10 / v > 1";

  private TableEnvironment env() throws Exception {
    Path events = dir.resolve("t.jsonl");
    Files.writeString(events, "{\"k\":\"a\",\"v\":0}\n{\"k\":\"b\",\"v\":2}\n{\"k\":\"c\",\"v\":5}\n{\"k\":\"d\",\"v\":20}\n");
    TableEnvironment env = TableEnvironment.create(new Configuration());
    env.executeSql("CREATE TEMPORARY TABLE t (k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '"
        + events + "', 'format' = 'json')");
    env.executeSql("CREATE TEMPORARY VIEW nonzero AS SELECT k, v FROM t WHERE v <> 0");
    return env;
  }

  @Test
  void theViewsCalcAndTheQuerysAreOne() throws Exception {
    String plan = env().explainSql("EXPLAIN " + QUERY);
    assertThat(plan).startsWith("Calc(select=[k, /(10, v) AS q], where=[AND(<>(v, 0), >(/(10, v), 1))]")
        .containsOnlyOnce("Calc(");
  }

  @Test
  void theUpperConditionSeesOnlyTheRowsTheLowerKeeps() throws Exception {
    ScriptRunner.Result r = new ScriptRunner(env(), new PrintStream(new ByteArrayOutputStream())).run(QUERY + ";");
    assertThat(CsvResult.lines(r.columns(), r.rows())).containsExactly("k,q", "b,5", "c,2");
  }
}
