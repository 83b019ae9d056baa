package io.eddy.sql.functions;

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

/**
 * What json.golden cannot take from Flink 2.3 (JSON_VALUE ... RETURNING fails inside Flink at run
 * time), against the values Flink's documentation gives; ERROR ON ... failing the query; and
 * JSON_ARRAYAGG/JSON_OBJECTAGG over an updating input (retractions).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JsonFunctionsTest {
  private static List<String> run(String script) {
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return CsvResult.lines(r.columns(), r.rows());
  }

  private static List<String> select(String selectList) {
    return run("CREATE TABLE t1 (x INT) WITH ('connector' = 'datagen', 'fields.x.kind' = 'sequence',"
        + " 'fields.x.start' = '7', 'fields.x.end' = '7');\nSELECT " + selectList + " FROM t1;");
  }

  @Test
  void jsonValueReturning() {
    assertThat(select("JSON_VALUE('{\"a\": 42}', '$.a' RETURNING INT) + x AS a,"
        + " JSON_VALUE('{\"a\": \"2.5\"}', '$.a' RETURNING DOUBLE) AS b, JSON_VALUE('{\"a\": true}', '$.a' RETURNING BOOLEAN) AS c,"
        + " JSON_VALUE('{\"a\": \"x\"}', '$.a' RETURNING INT DEFAULT -1 ON ERROR) AS d,"
        + " JSON_VALUE('{\"a.b\": [0.998, 0.996]}', '$.[\"a.b\"][0]' RETURNING DOUBLE) AS e,"
        + " JSON_VALUE('{}', 'lax $.a' RETURNING INT DEFAULT 5 ON EMPTY) AS f"))
        .containsExactly("a,b,c,d,e,f", "49,2.5,TRUE,-1,0.998,5");
  }

  @Test
  void errorOnErrorFailsTheQuery() {
    assertThatThrownBy(() -> select("JSON_VALUE('{\"a\": 1}', 'strict $.b' ERROR ON ERROR) AS a"))
        .hasStackTraceContaining("JSON_VALUE: No results for path: b");
    assertThatThrownBy(() -> select("JSON_QUERY('[1]', 'lax $.b' ERROR ON EMPTY) AS a"))
        .hasStackTraceContaining("Empty result of JSON_QUERY function is not allowed");
  }

  @Test
  void jsonAggregatesRetract() {
    // k's latest v per id: id 1 goes from 'a' to 'c', so the aggregates drop 'a'
    assertThat(run("CREATE TABLE t (id INT, v STRING) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence',"
        + " 'fields.id.start' = '1', 'fields.id.end' = '3', 'fields.v.length' = '1');\n"
        + "CREATE VIEW latest AS SELECT k, LAST_VALUE(v) AS v FROM (SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (1, 'c'))"
        + " AS r(k, v)) GROUP BY k;\n"
        + "SELECT JSON_ARRAYAGG(v) AS arr, JSON_OBJECTAGG(KEY CAST(k AS STRING) VALUE v) AS obj FROM latest;"))
        .containsExactly("arr,obj", "\"[\"\"b\"\",\"\"c\"\"]\",\"{\"\"1\"\":\"\"c\"\",\"\"2\"\":\"\"b\"\"}\"");
  }
}
