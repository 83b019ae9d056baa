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
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries of the SQL golden files (src/test/resources/sql) against the tables Flink 2.3 printed
 * for them (benchmarks/flink-sql/run.sh), at parallelism 1 as Flink ran them; an expected
 * {@code ! message} is an error Flink raises, which Eddy must raise with the same message.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SqlGoldenTest {
  static final List<String> FILES = List.of("aggregates.golden", "ranks.golden", "match.golden");

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
    String script = golden.script(dir, c.query());
    ScriptRunner runner = new ScriptRunner(TableEnvironment.create(new Configuration().set("parallelism.default", "1")),
        new PrintStream(new ByteArrayOutputStream()));
    if (c.expected().size() == 1 && c.expected().get(0).startsWith("! ")) {
      assertThatThrownBy(() -> runner.run(script)).hasMessageContaining(c.expected().get(0).substring(2));
      return;
    }
    ScriptRunner.Result r = runner.run(script);
    assertThat(CsvResult.lines(r.columns(), r.rows())).containsExactlyElementsOf(c.expected());
  }
}
