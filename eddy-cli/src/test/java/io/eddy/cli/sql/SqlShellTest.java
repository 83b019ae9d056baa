package io.eddy.cli.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.TableEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The interactive shell on a dumb terminal fed typed lines: statements across lines, results as tables, errors kept in the shell. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SqlShellTest {
  private static String session(String typed) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal = TerminalBuilder.builder().dumb(true).streams(
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen).build()) {
      new SqlShell(TableEnvironment.create(new Configuration()), terminal, null).run();
    }
    return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
  }

  private static final String TABLE = "CREATE TABLE g (id BIGINT, s STRING) WITH ('connector' = 'datagen',\n"
      + "  'number-of-rows' = '4', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4');\n";

  @Test
  void statementsSpanLinesAndQueriesPrintTheirTable() throws Exception {
    String screen = session(TABLE + "SELECT id % 2 AS odd,\n  COUNT(*) AS c\nFROM g GROUP BY id % 2;\nSHOW TABLES;\nQUIT;\n");
    assertThat(screen).contains("[INFO] Execute statement succeeded.")
        .contains("""
            +-----+---+
            | odd | c |
            +-----+---+
            |   0 | 2 |
            |   1 | 2 |
            +-----+---+
            2 rows in set""")
        .contains("| table name |").contains("|          g |")
        .endsWith("Goodbye!\n");
  }

  @Test
  void changelogModePrintsEveryChangeWithItsKind() throws Exception {
    String screen = session(TABLE + "SET 'sql-client.execution.result-mode' = 'changelog';\n"
        + "SELECT COUNT(*) AS c FROM g;\n");
    assertThat(screen).contains("| +I |").contains("| -U |").contains("| +U |")
        .contains("Received a total of 7 rows");
  }

  @Test
  void errorsNameLineAndColumnAndTheShellGoesOn() throws Exception {
    String screen = session(TABLE + "SELECT id,\n  nope FROM g;\nSET 'sql-client.execution.result-mode' = 'grid';\n"
        + "SELECT MAX(id) AS m FROM g;\n");
    assertThat(screen).contains("[ERROR] line 2, column 3: Column 'nope' not found in any table")
        .contains("[ERROR] 'sql-client.execution.result-mode' is 'table', 'tableau' or 'changelog', not 'grid'")
        .contains("| 4 |");
  }

  @Test
  void aSemicolonInAStringOrCommentDoesNotEndTheStatement() {
    assertThat(SqlShell.endsStatement("SELECT 'a;'")).isFalse();
    assertThat(SqlShell.endsStatement("SELECT ';' -- x;\n")).isFalse();
    assertThat(SqlShell.endsStatement("SELECT ';';\n")).isTrue();
    assertThat(SqlShell.endsStatement("SELECT 1")).isFalse();
  }
}
