package io.eddy.sql.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 'datagen' connector with Flink's options, checked by aggregates over what it generates. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DataGenTableFactoryTest {
  private static List<String> run(String script) {
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration().set("parallelism.default", "2")),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return CsvResult.lines(r.columns(), r.rows());
  }

  @Test
  void sequenceColumnsGiveEachValueOnceAndBoundTheRows() {
    assertThat(run("CREATE TABLE g (id BIGINT, n INT, s STRING, v VARCHAR(8)) WITH ('connector' = 'datagen',\n"
        + " 'rows-per-second' = '100000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000',\n"
        + " 'fields.n.min' = '-3', 'fields.n.max' = '3', 'fields.s.length' = '5', 'fields.v.var-len' = 'true');\n"
        + "SELECT COUNT(*) AS c, COUNT(DISTINCT id) AS d, SUM(id) AS total, MIN(id) AS lo, MAX(id) AS hi,\n"
        + "  MIN(n) AS nlo, MAX(n) AS nhi, MIN(CHAR_LENGTH(s)) AS slo, MAX(CHAR_LENGTH(s)) AS shi,\n"
        + "  MIN(CHAR_LENGTH(v)) AS vlo, MAX(CHAR_LENGTH(v)) AS vhi FROM g;"))
        .containsExactly("c,d,total,lo,hi,nlo,nhi,slo,shi,vlo,vhi", "1000,1000,500500,1,1000,-3,3,5,5,1,8");
  }

  @Test
  void numberOfRowsNullRateAndTimestamps() {
    assertThat(run("CREATE TABLE g (a BIGINT, b DOUBLE, ts TIMESTAMP(3), d DECIMAL(5, 2)) WITH ('connector' = 'datagen',\n"
        + " 'number-of-rows' = '500', 'rows-per-second' = '100000', 'fields.a.null-rate' = '1.0',\n"
        + " 'fields.b.min' = '0.5', 'fields.b.max' = '1.5', 'fields.ts.max-past' = '10 min',\n"
        + " 'fields.d.min' = '-1', 'fields.d.max' = '1');\n"
        + "SELECT COUNT(*) AS c, COUNT(a) AS a, COUNT(*) FILTER (WHERE b < 0.5 OR b > 1.5) AS outside,\n"
        + " COUNT(*) FILTER (WHERE ts > CURRENT_TIMESTAMP OR ts < CURRENT_TIMESTAMP - INTERVAL '11' MINUTE) AS late,\n"
        + " COUNT(*) FILTER (WHERE d < -1 OR d > 1) AS dout FROM g;"))
        .containsExactly("c,a,outside,late,dout", "500,0,0,0,0");
  }

  @Test
  void unknownOptionsAndConnectorsNameTheClosestKnownOne() {
    assertThatThrownBy(() -> run("CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kinds' = 'sequence');"))
        .hasMessageContaining("'fields.id.kinds'").hasMessageContaining("did you mean 'fields.id.kind'");
    assertThatThrownBy(() -> run("CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagen', 'row-per-second' = '5');"))
        .hasMessageContaining("did you mean 'rows-per-second'");
    assertThatThrownBy(() -> run("CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagne');"))
        .hasMessageContaining("unknown connector 'datagne' (did you mean 'datagen'?)");
    assertThatThrownBy(() -> run("CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence');\n"
        + "SELECT * FROM g;")).hasMessageContaining("'fields.id.start'");
  }
}
