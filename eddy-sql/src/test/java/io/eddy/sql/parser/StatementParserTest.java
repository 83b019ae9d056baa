package io.eddy.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {
  @Test
  void createTableWithNestedRowComputedColumnWatermarkKeyAndOptions() {
    Statement.CreateTable t = (Statement.CreateTable) StatementParser.parse(
        "CREATE TEMPORARY TABLE `my t` (id BIGINT NOT NULL, p ROW<a INT, `b c` VARCHAR(3)>, d DECIMAL(10, 2),\n"
            + " ts TIMESTAMP(3), x AS CASE WHEN id > 0 THEN (id + 1) ELSE 0 END,\n"
            + " WATERMARK FOR ts AS ts - INTERVAL '4' SECOND, PRIMARY KEY (id) NOT ENFORCED)\n"
            + "WITH ('connector' = 'print', 'k' = 'it''s')");
    assertThat(t.name()).isEqualTo("my t");
    assertThat(t.temporary()).isTrue();
    assertThat(t.columns()).extracting(Statement.ColumnDefinition::name).containsExactly("id", "p", "d", "ts", "x");
    assertThat(((Statement.PhysicalColumn) t.columns().get(1)).type())
        .hasToString("ROW<`a` INT, `b c` VARCHAR(3)>");
    assertThat(((Statement.PhysicalColumn) t.columns().get(0)).type()).hasToString("BIGINT NOT NULL");
    assertThat(((Statement.ComputedColumn) t.columns().get(4)).expression())
        .isEqualTo("CASE WHEN id > 0 THEN (id + 1) ELSE 0 END");
    assertThat(t.watermark().expression()).isEqualTo("ts - INTERVAL '4' SECOND");
    assertThat(t.primaryKey()).isEqualTo(List.of("id"));
    assertThat(t.options()).containsEntry("k", "it's");
  }

  @Test
  void scriptSplitsAtSemicolonsOutsideLiteralsAndComments() {
    List<ScriptSplitter.StatementText> parts = ScriptSplitter.split(
        "-- a; comment\nSET 'a;b' = 'c';\n\n  SELECT ';' /* ; */ FROM t;\n");
    assertThat(parts).extracting(ScriptSplitter.StatementText::sql)
        .containsExactly("SET 'a;b' = 'c'", "SELECT ';' /* ; */ FROM t");
    assertThat(parts.get(1).start()).isEqualTo(new Position(4, 3));
  }

  @Test
  void errorsNameScriptLineColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (\n  a INTEGR)", new Position(10, 1)))
        .hasMessage("line 11, column 5: unknown data type INTEGR");
    assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (a INT) WITH ('connector' 'x')"))
        .hasMessage("line 1, column 42: expected '=' but found 'x'");
    assertThatThrownBy(() -> StatementParser.parse("CREATE TABLE t (a INT METADATA)"))
        .hasMessageContaining("metadata columns are not supported");
  }

  @Test
  void dropTakesFlinksTemporaryKeyword() {
    assertThat(StatementParser.parse("DROP TEMPORARY TABLE IF EXISTS t"))
        .isEqualTo(new Statement.Drop(new Position(1, 1), "TABLE", "t", true));
    assertThat(StatementParser.parse("DROP VIEW v"))
        .isEqualTo(new Statement.Drop(new Position(1, 1), "VIEW", "v", false));
  }
}
