package io.eddy.sql.parser;

import io.eddy.table.types.LogicalType;
import java.util.List;
import java.util.Map;

/**
 * A parsed statement of Flink's SQL dialect. Queries and INSERTs keep their text for Calcite;
 * the DDL and the client commands Calcite's core parser does not know are parsed by
 * {@link StatementParser} into these records. Every statement knows where it starts.
 */
public sealed interface Statement {
  Position position();

  /** A column of CREATE TABLE: physical (a type) or computed ({@code name AS expression}). */
  sealed interface ColumnDefinition {
    String name();
  }

  record PhysicalColumn(String name, LogicalType type) implements ColumnDefinition {}

  /** {@code expression} is SQL text, validated when the table is created. */
  record ComputedColumn(String name, String expression, Position position) implements ColumnDefinition {}

  /** {@code WATERMARK FOR column AS expression}. */
  record WatermarkDefinition(String column, String expression, Position position) {}

  record CreateTable(Position position, String name, boolean temporary, boolean ifNotExists,
      List<ColumnDefinition> columns, WatermarkDefinition watermark, List<String> primaryKey,
      Map<String, String> options) implements Statement {}

  /** {@code query} is the SELECT text; {@code queryPosition} where it starts in the script. */
  record CreateView(Position position, String name, boolean temporary, boolean ifNotExists, String query,
      Position queryPosition) implements Statement {}

  record CreateFunction(Position position, String name, boolean temporary, boolean ifNotExists, String className)
      implements Statement {}

  record Drop(Position position, String kind, String name, boolean ifExists) implements Statement {}

  /** {@code SET 'key' = 'value'}; without key, lists the settings. */
  record Set(Position position, String key, String value) implements Statement {}

  record Reset(Position position, String key) implements Statement {}

  /** SHOW TABLES / VIEWS / FUNCTIONS / JARS / MODULES. */
  record Show(Position position, String what) implements Statement {}

  record Describe(Position position, String name) implements Statement {}

  /** A SELECT (WITH, VALUES, ...) query: Calcite parses {@code sql}. */
  record Query(Position position, String sql) implements Statement {}

  /**
   * INSERT INTO: Calcite parses {@code sql}; {@code deduplicateConflicts} for Flink 2.3's
   * {@code ON CONFLICT DO DEDUPLICATE} (the sink materializes rows by its primary key).
   */
  record Insert(Position position, String sql, boolean deduplicateConflicts) implements Statement {}

  /** {@code ADD JAR 'path'}: the jar's classes become loadable by CREATE FUNCTION. */
  record AddJar(Position position, String path) implements Statement {}

  record Explain(Position position, Statement statement) implements Statement {}
}
