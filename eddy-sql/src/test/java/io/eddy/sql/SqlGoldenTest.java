package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries of the SQL golden files (src/test/resources/sql) against the tables Flink 2.3 printed
 * for them (benchmarks/flink-sql/run.sh), at parallelism 1 as Flink ran them; an expected
 * {@code ! message} is an error Flink raises, which Eddy must raise with the same message; an
 * EXPLAIN case lists the plan's operators with the changelog modes Flink inferred for them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlGoldenTest {
  static final List<String> FILES = List.of(
      "aggregates.golden", "ranks.golden", "match.golden", "changelog.golden", "joins.golden",
      "functions.golden", "temporal.golden", "windows.golden",
      "queries.golden", "aggregates_more.golden", "windows_attached.golden", "json.golden",
      "grouping_sets.golden", "nexmark_shaped.golden");

  @TempDir
  Path dir;

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      SqlGoldenFile golden = SqlGoldenFile.read(Path.of("src/test/resources/sql", file));
      for (SqlGoldenFile.Case c : golden.cases()) {
        out.add(Arguments.of(file + ":" + c.name(), golden, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesFlinksTable(String name, SqlGoldenFile golden, SqlGoldenFile.Case c) throws Exception {
    TableEnvironment env = TableEnvironment.create(new Configuration().set("parallelism.default", "1"));
    ScriptRunner runner = new ScriptRunner(env, new PrintStream(new ByteArrayOutputStream()));
    if (c.query().startsWith("EXPLAIN ") && !c.expected().get(0).startsWith("! ")) {
      runner.run(golden.script(dir, "SHOW TABLES"));
      assertThat(changelogModes(env.explainSql(c.query()))).containsExactlyElementsOf(c.expected());
      return;
    }
    String script = golden.script(dir, c.query());
    if (c.expected().size() == 1 && c.expected().get(0).startsWith("! ")) {
      assertThatThrownBy(() -> runner.run(script)).hasMessageContaining(withoutPosition(c.expected().get(0).substring(2)));
      return;
    }
    ScriptRunner.Result r = runner.run(script);
    assertThat(CsvResult.lines(r.columns(), r.rows())).containsExactlyElementsOf(c.expected());
  }

  /**
   * Flink's validation message without its position: Flink counts lines in the statement, Eddy in
   * the script (and prints its own {@code line L, column C:} before the message).
   */
  static String withoutPosition(String flinkMessage) {
    return flinkMessage.replaceFirst("^SQL validation failed\\. From line \\d+, column \\d+ to line \\d+, column \\d+: ", "");
  }

  /**
   * The operators of an EXPLAIN, top-down, as {@code Name [modes]} (plus {@code upsertMaterialize}),
   * without the nodes whose mode is their input's and that Flink's plans place differently
   * (Exchange, Calc, WatermarkAssigner, MiniBatchAssigner): the rule benchmarks/flink-sql applies
   * to Flink's plan.
   */
  static List<String> changelogModes(String plan) {
    List<String> out = new ArrayList<>();
    Pattern node = Pattern.compile("^[ +\\-:|]*(\\w+)\\(.*changelogMode=\\[([^\\]]*)\\]");
    for (String line : plan.lines().toList()) {
      Matcher m = node.matcher(line);
      if (m.find() && !List.of("Exchange", "Calc", "WatermarkAssigner", "MiniBatchAssigner").contains(m.group(1))) {
        out.add(m.group(1) + " [" + m.group(2) + "]" + (line.contains("upsertMaterialize=[true]") ? " upsertMaterialize" : ""));
      }
    }
    return out;
  }
}
