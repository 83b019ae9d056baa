package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regular joins end to end, final tables derived by hand: l(k, a) = (1, x), (2, y), (NULL, z);
 * r(k, b) = (2, p), (2, q), (3, s), (NULL, t). NULL keys never match. The right side is also
 * given as an aggregate (an updating input: its rows change as rows arrive).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JoinSqlTest {
  @TempDir
  Path dir;

  private String run(String query) throws Exception {
    Path l = dir.resolve("l.jsonl");
    Path r = dir.resolve("r.jsonl");
    Files.writeString(l, "{\"k\":1,\"a\":\"x\"}\n{\"k\":2,\"a\":\"y\"}\n{\"k\":null,\"a\":\"z\"}\n");
    Files.writeString(r, "{\"k\":2,\"b\":\"p\"}\n{\"k\":2,\"b\":\"q\"}\n{\"k\":3,\"b\":\"s\"}\n{\"k\":null,\"b\":\"t\"}\n");
    String script = "CREATE TABLE l (k BIGINT, a STRING) WITH ('connector' = 'filesystem', 'path' = '" + l
        + "', 'format' = 'json');\nCREATE TABLE r (k BIGINT, b STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + r + "', 'format' = 'json');\n" + query;
    ScriptRunner.Result result = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return String.join("|", CsvResult.lines(result.columns(), result.rows()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "JOIN; a,b|y,p|y,q",
      "LEFT JOIN; a,b|x,|y,p|y,q|z,",
      "RIGHT JOIN; a,b|,s|,t|y,p|y,q",
      "FULL OUTER JOIN; a,b|,s|,t|x,|y,p|y,q|z,"})
  void joinsOfInsertOnlyInputs(String join, String expected) throws Exception {
    assertThat(run("SELECT a, b FROM l " + join + " r ON l.k = r.k;")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "LEFT JOIN; a,n|x,|y,2|z,",
      "FULL OUTER JOIN; a,n|,1|,1|x,|y,2|z,"})
  void outerJoinOfAnUpdatingInput(String join, String expected) throws Exception {
    assertThat(run("SELECT a, n FROM l " + join + " (SELECT k, COUNT(*) AS n FROM r GROUP BY k) c ON l.k = c.k;"))
        .isEqualTo(expected);
  }
}
