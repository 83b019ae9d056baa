package io.eddy.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.parser.SqlParseException;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CREATE FUNCTION with scalar and table functions, against hand-computed tables. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UserFunctionTest {
  private static final String PKG = "io.eddy.sql.functions.TestFunctions$";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private List<String> run(String statements) throws Exception {
    Path events = dir.resolve("t.jsonl");
    Files.writeString(events, "{\"k\":\"ab\",\"v\":1,\"n\":3}\n{\"k\":\"c\",\"v\":null,\"n\":0}\n");
    String script = "CREATE TABLE t (k STRING, v BIGINT, n INT) WITH ('connector' = 'filesystem', 'path' = '"
        + events + "', 'format' = 'json');\n" + statements;
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration().set("parallelism.default", "2")),
        new PrintStream(printed, true, StandardCharsets.UTF_8)).run(script);
    return r == null ? List.of() : CsvResult.lines(r.columns(), r.rows());
  }

  @Test
  void scalarFunctionPicksTheOverloadByArgumentTypes() throws Exception {
    assertThat(run("CREATE FUNCTION twice AS '" + PKG + "Twice';\n"
        + "SELECT k, twice(v) AS a, TWICE(n) AS b, twice(k) AS c FROM t;"))
        .containsExactly("k,a,b,c", "ab,2,6,abab", "c,,0,cc");
  }

  /** As Flink's code generator reuses a Calc's common terms; a CASE branch not taken calls nothing. */
  @Test
  void aCallTheConditionAndProjectionsShareRunsOncePerRow() throws Exception {
    TestFunctions.Counted.CALLS.set(0);
    assertThat(run("CREATE FUNCTION counted AS '" + PKG + "Counted';\n"
        + "SELECT counted(n) AS a, counted(n) + 1 AS b, CASE WHEN n > 5 THEN counted(n) ELSE 0 END AS c\n"
        + "FROM t WHERE counted(n) >= 0;"))
        .containsExactly("a,b,c", "0,1,0", "3,4,0");
    assertThat(TestFunctions.Counted.CALLS.get()).as("calls for two rows").isEqualTo(2);
  }

  @Test
  void scalarFunctionWithDeclaredResultTypeAndVarargs() throws Exception {
    assertThat(run("CREATE TEMPORARY FUNCTION scaled AS '" + PKG + "Scaled';\n"
        + "CREATE FUNCTION join_all AS '" + PKG + "JoinAll';\n"
        + "SELECT scaled(v) AS s, join_all(k, 'x', k) AS j, join_all(k) AS single FROM t;"))
        .containsExactly("s,j,single", "0.00,c-x-c,c", "1.50,ab-x-ab,ab");
  }

  @Test
  void tableFunctionOfValuesInLateralTable() throws Exception {
    assertThat(run("CREATE FUNCTION chars AS '" + PKG + "Chars';\n"
        + "SELECT k, c FROM t, LATERAL TABLE(chars(k)) AS T(c);"))
        .containsExactly("k,c", "ab,a", "ab,b", "c,c");
  }

  @Test
  void tableFunctionOfRowsInnerAndLeftJoin() throws Exception {
    String create = "CREATE FUNCTION range_of AS '" + PKG + "Range';\n";
    assertThat(run(create + "SELECT k, i, sq FROM t, LATERAL TABLE(range_of(n));"))
        .containsExactly("k,i,sq", "ab,0,0", "ab,1,1", "ab,2,4");
    assertThat(run(create + "SELECT k, i, sq FROM t LEFT JOIN LATERAL TABLE(range_of(n)) ON TRUE;"))
        .containsExactly("k,i,sq", "ab,0,0", "ab,1,1", "ab,2,4", "c,,");
  }

  @Test
  void showAndDropFunctions() throws Exception {
    run("CREATE FUNCTION twice AS '" + PKG + "Twice';\nSHOW FUNCTIONS;\nDROP FUNCTION twice;\n"
        + "DROP FUNCTION IF EXISTS twice;\nSHOW FUNCTIONS;\n");
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("twice");
    assertThatThrownBy(() -> run("CREATE FUNCTION twice AS '" + PKG + "Twice';\nDROP FUNCTION twice;\n"
        + "SELECT twice(v) FROM t;")).hasMessageContaining("twice");
  }

  @Test
  void errorsNameTheClassOrTheSignatures() {
    assertThatThrownBy(() -> run("\nCREATE FUNCTION f AS 'no.such.Clazz';"))
        .isInstanceOf(SqlParseException.class).hasMessageContaining("line 3, column 1")
        .hasMessageContaining("no.such.Clazz not found");
    assertThatThrownBy(() -> run("CREATE FUNCTION f AS '" + PKG + "NotAFunction';"))
        .hasMessageContaining("must extend ScalarFunction, TableFunction or AggregateFunction");
    assertThatThrownBy(() -> run("CREATE FUNCTION twice AS '" + PKG + "Twice';\nSELECT twice(v, v) FROM t;"))
        .isInstanceOf(SqlParseException.class).hasMessageContaining("line 3, column 8")
        .hasMessageContaining("Was expecting 1 arguments");
    assertThatThrownBy(() -> run("CREATE FUNCTION twice AS '" + PKG + "Twice';\nSELECT twice(TRUE) FROM t;"))
        .isInstanceOf(SqlParseException.class).hasMessageContaining("line 3, column 8")
        .hasMessageContaining("'twice(BIGINT)'").hasMessageContaining("'twice(STRING)'");
  }
}
