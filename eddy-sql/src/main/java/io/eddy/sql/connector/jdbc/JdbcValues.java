package io.eddy.sql.connector.jdbc;

import io.eddy.table.types.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Converts between Eddy's values of a column's SQL type (see {@link LogicalType.Root}) and JDBC:
 * statement parameters and result-set columns, through the java.sql types every driver supports.
 * A column whose database value does not fit its declared type fails naming both.
 */
final class JdbcValues {
  private JdbcValues() {}

  /** Sets parameter {@code index} (1-based) to {@code value} of {@code type}. */
  static void set(PreparedStatement statement, int index, Object value, LogicalType type) throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType(type));
      return;
    }
    Object jdbc = switch (value) {
      case LocalDate d -> Date.valueOf(d);
      case LocalTime t -> Time.valueOf(t);
      case LocalDateTime t -> Timestamp.valueOf(t);
      case Instant i -> Timestamp.from(i);
      default -> value;
    };
    statement.setObject(index, jdbc);
  }

  /** The java.sql.Types code of {@code type}, for NULL parameters. */
  private static int sqlType(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> Types.BOOLEAN;
      case TINYINT -> Types.TINYINT;
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case FLOAT -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case CHAR -> Types.CHAR;
      case VARCHAR -> Types.VARCHAR;
      case BINARY -> Types.BINARY;
      case VARBINARY -> Types.VARBINARY;
      case DATE -> Types.DATE;
      case TIME -> Types.TIME;
      case TIMESTAMP -> Types.TIMESTAMP;
      case TIMESTAMP_LTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      default -> Types.OTHER;
    };
  }

  /** Column {@code index} (1-based) of the current row as a value of {@code type}, or null. */
  static Object get(ResultSet rs, int index, LogicalType type, String column) {
    try {
      return read(rs, index, type, column);
    } catch (SQLException e) {
      throw new IllegalArgumentException("column " + column + " of type " + type + ": the database's value does not"
          + " convert to it: " + e.getMessage(), e);
    }
  }

  private static Object read(ResultSet rs, int index, LogicalType type, String column) throws SQLException {
    Object value = switch (type.root()) {
      case BOOLEAN -> rs.getBoolean(index);
      case TINYINT -> rs.getByte(index);
      case SMALLINT -> rs.getShort(index);
      case INTEGER -> rs.getInt(index);
      case BIGINT -> rs.getLong(index);
      case FLOAT -> rs.getFloat(index);
      case DOUBLE -> rs.getDouble(index);
      case DECIMAL -> {
        BigDecimal d = rs.getBigDecimal(index);
        yield d == null ? null : d.setScale(type.scale(), RoundingMode.HALF_UP);
      }
      case CHAR, VARCHAR -> rs.getString(index);
      case BINARY, VARBINARY -> rs.getBytes(index);
      case DATE -> {
        Date d = rs.getDate(index);
        yield d == null ? null : d.toLocalDate();
      }
      case TIME -> {
        Time t = rs.getTime(index);
        yield t == null ? null : t.toLocalTime();
      }
      case TIMESTAMP -> {
        Timestamp t = rs.getTimestamp(index);
        yield t == null ? null : t.toLocalDateTime();
      }
      case TIMESTAMP_LTZ -> {
        Timestamp t = rs.getTimestamp(index);
        yield t == null ? null : t.toInstant();
      }
      default -> throw new UnsupportedOperationException("column " + column + ": the jdbc connector does not read "
          + type + " columns");
    };
    return rs.wasNull() ? null : value;
  }
}
