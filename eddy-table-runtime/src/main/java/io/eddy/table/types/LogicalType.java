package io.eddy.table.types;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SQL type as the engine sees it at run time (Flink's {@code LogicalType}): its root, whether
 * it admits NULL, precision and scale where they apply, and for ROW the field names and types.
 * Immutable. {@link #toString()} is Flink's summary syntax: {@code BIGINT}, {@code STRING} (for
 * VARCHAR of the maximum length), {@code DECIMAL(23, 3)}, {@code TIMESTAMP(3)},
 * {@code ROW<`id` BIGINT, `name` STRING>}, with {@code NOT NULL} after a non-nullable type.
 *
 * <p>The Java value of each root in a {@link io.eddy.api.types.Row} is listed on {@link Root}.
 */
public final class LogicalType implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Maximum length of CHAR/VARCHAR/BINARY/VARBINARY (Flink's). */
  public static final int MAX_LENGTH = Integer.MAX_VALUE;

  /** The kinds of type, with the Java class of their values. */
  public enum Root {
    BOOLEAN(Boolean.class), TINYINT(Byte.class), SMALLINT(Short.class), INTEGER(Integer.class),
    BIGINT(Long.class), FLOAT(Float.class), DOUBLE(Double.class), DECIMAL(java.math.BigDecimal.class),
    CHAR(String.class), VARCHAR(String.class), BINARY(byte[].class), VARBINARY(byte[].class),
    DATE(java.time.LocalDate.class), TIME(java.time.LocalTime.class),
    TIMESTAMP(java.time.LocalDateTime.class), TIMESTAMP_LTZ(java.time.Instant.class),
    INTERVAL_DAY_TIME(Long.class), INTERVAL_YEAR_MONTH(Integer.class),
    ROW(io.eddy.api.types.Row.class), ARRAY(Object[].class), MAP(java.util.Map.class), NULL(Object.class);

    private final Class<?> javaClass;

    Root(Class<?> javaClass) {
      this.javaClass = javaClass;
    }

    public Class<?> javaClass() {
      return javaClass;
    }
  }

  private final Root root;
  private final boolean nullable;
  private final int precision;
  private final int scale;
  private final List<String> fieldNames;
  private final List<LogicalType> children;

  private LogicalType(Root root, boolean nullable, int precision, int scale, List<String> fieldNames,
      List<LogicalType> children) {
    this.root = Objects.requireNonNull(root);
    this.nullable = nullable;
    this.precision = precision;
    this.scale = scale;
    this.fieldNames = List.copyOf(fieldNames);
    this.children = List.copyOf(children);
  }

  /** A type without parameters (BOOLEAN, INTEGER, BIGINT, DOUBLE, DATE, ...). */
  public static LogicalType of(Root root) {
    return new LogicalType(root, true, -1, -1, List.of(), List.of());
  }

  /** A type with a precision (CHAR/VARCHAR/BINARY length, TIME/TIMESTAMP fractional digits). */
  public static LogicalType of(Root root, int precision) {
    return new LogicalType(root, true, precision, -1, List.of(), List.of());
  }

  public static LogicalType decimal(int precision, int scale) {
    return new LogicalType(Root.DECIMAL, true, precision, scale, List.of(), List.of());
  }

  public static LogicalType bigint() {
    return of(Root.BIGINT);
  }

  public static LogicalType integer() {
    return of(Root.INTEGER);
  }

  public static LogicalType string() {
    return of(Root.VARCHAR, MAX_LENGTH);
  }

  public static LogicalType timestamp(int precision) {
    return of(Root.TIMESTAMP, precision);
  }

  public static LogicalType row(List<String> names, List<LogicalType> types) {
    if (names.size() != types.size()) {
      throw new IllegalArgumentException(names.size() + " field names for " + types.size() + " types");
    }
    return new LogicalType(Root.ROW, true, -1, -1, names, types);
  }

  public static LogicalType array(LogicalType element) {
    return new LogicalType(Root.ARRAY, true, -1, -1, List.of(), List.of(element));
  }

  public static LogicalType map(LogicalType key, LogicalType value) {
    return new LogicalType(Root.MAP, true, -1, -1, List.of(), List.of(key, value));
  }

  public LogicalType copy(boolean nullable) {
    return new LogicalType(root, nullable, precision, scale, fieldNames, children);
  }

  public Root root() {
    return root;
  }

  public boolean isNullable() {
    return nullable;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /** ROW field names (empty for other roots). */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** ROW field types, the ARRAY element, or the MAP key and value. */
  public List<LogicalType> children() {
    return children;
  }

  public int fieldCount() {
    return children.size();
  }

  public LogicalType field(int i) {
    return children.get(i);
  }

  /** Index of a ROW field by exact name, or -1. */
  public int fieldIndex(String name) {
    return fieldNames.indexOf(name);
  }

  public boolean isNumeric() {
    return switch (root) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  public boolean isString() {
    return root == Root.CHAR || root == Root.VARCHAR;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogicalType t && root == t.root && nullable == t.nullable && precision == t.precision
        && scale == t.scale && fieldNames.equals(t.fieldNames) && children.equals(t.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, nullable, precision, scale, fieldNames, children);
  }

  @Override
  public String toString() {
    String base = switch (root) {
      case VARCHAR -> precision == MAX_LENGTH ? "STRING" : "VARCHAR(" + precision + ")";
      case CHAR -> "CHAR(" + precision + ")";
      case BINARY -> "BINARY(" + precision + ")";
      case VARBINARY -> precision == MAX_LENGTH ? "BYTES" : "VARBINARY(" + precision + ")";
      case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
      case TIME -> "TIME(" + Math.max(precision, 0) + ")";
      case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
      case TIMESTAMP_LTZ -> "TIMESTAMP_LTZ(" + precision + ")";
      case INTEGER -> "INT";
      case INTERVAL_DAY_TIME -> "INTERVAL SECOND(3)";
      case INTERVAL_YEAR_MONTH -> "INTERVAL MONTH";
      case ROW -> {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
          parts.add("`" + fieldNames.get(i) + "` " + children.get(i));
        }
        yield "ROW<" + String.join(", ", parts) + ">";
      }
      case ARRAY -> "ARRAY<" + children.get(0) + ">";
      case MAP -> "MAP<" + children.get(0) + ", " + children.get(1) + ">";
      default -> root.name();
    };
    return nullable ? base : base + " NOT NULL";
  }
}
