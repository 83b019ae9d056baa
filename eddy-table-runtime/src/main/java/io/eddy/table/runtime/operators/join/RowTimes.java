package io.eddy.table.runtime.operators.join;

import io.eddy.api.types.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reads a time field (TIMESTAMP or TIMESTAMP_LTZ) of a joined input's row as epoch milliseconds. */
final class RowTimes {
  private RowTimes() {}

  /** Field {@code field} of {@code row} in ms; a NULL or non-time value fails naming the operator, field and row. */
  static long millis(Row row, int field, String operator) {
    return switch (row.getField(field)) {
      case LocalDateTime t -> t.toInstant(ZoneOffset.UTC).toEpochMilli();
      case Instant t -> t.toEpochMilli();
      case null -> throw new IllegalArgumentException(operator + ": the time attribute (field " + field
          + ") of row " + row + " is NULL");
      default -> throw new IllegalArgumentException(operator + ": field " + field + " of row " + row
          + " is not a timestamp");
    };
  }
}
