package io.eddy.sql.catalog;

import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table created by CREATE TABLE, resolved: its columns with their types (computed columns'
 * types derived when the table was created), the rowtime column and watermark expression if
 * any, the declared (not enforced) primary key and the connector options. Immutable.
 */
public record CatalogTable(String name, List<Column> columns, String rowtimeColumn, String watermarkExpression,
    List<String> primaryKey, Map<String, String> options) {

  public CatalogTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    options = Map.copyOf(options);
  }

  public List<Column> physicalColumns() {
    return columns.stream().filter(Column::isPhysical).toList();
  }

  public boolean hasComputedColumns() {
    return columns.stream().anyMatch(c -> !c.isPhysical());
  }

  /** The row type of the physical columns, what a connector reads or writes. */
  public LogicalType physicalRowType() {
    return rowType(physicalColumns());
  }

  /** The row type of all columns, what queries see. */
  public LogicalType rowType() {
    return rowType(columns);
  }

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The connector option, or {@code fallback}. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }

  private static LogicalType rowType(List<Column> columns) {
    List<String> names = new ArrayList<>();
    List<LogicalType> types = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
      types.add(c.type());
    }
    return LogicalType.row(names, types);
  }
}
