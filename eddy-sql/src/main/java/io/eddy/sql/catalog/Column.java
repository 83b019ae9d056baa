package io.eddy.sql.catalog;

import io.eddy.table.types.LogicalType;

/**
 * A column of a catalog table: physical (read from or written to the connector) or computed
 * ({@code expression} non-null: SQL over the physical columns, evaluated after the scan).
 */
public record Column(String name, LogicalType type, String expression) {
  public boolean isPhysical() {
    return expression == null;
  }

  /** Whether the column is {@code AS PROCTIME()}: Flink's processing-time attribute. */
  public boolean isProctime() {
    return expression != null && expression.replace(" ", "").equalsIgnoreCase("PROCTIME()");
  }
}
