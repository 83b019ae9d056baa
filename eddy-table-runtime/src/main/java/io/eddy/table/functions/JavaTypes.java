package io.eddy.table.functions;

import io.eddy.table.types.LogicalType;
import io.eddy.table.types.LogicalType.Root;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;

/**
 * The SQL types of the Java classes in user functions' signatures, as Flink extracts them:
 * String is STRING, {@code long}/Long BIGINT, {@code int} INT, LocalDateTime TIMESTAMP(9),
 * BigDecimal DECIMAL(38, 18), ...; primitives are NOT NULL. Which SQL values a parameter
 * accepts: its own type, or a narrower number (an INT for a {@code long}).
 */
public final class JavaTypes {
  private JavaTypes() {}

  private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
      short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
      double.class, Double.class);

  /** The SQL type of values of {@code type}, or null if it has none without a hint. */
  public static LogicalType of(Class<?> type) {
    Class<?> boxed = box(type);
    LogicalType t;
    if (boxed == String.class) {
      t = LogicalType.string();
    } else if (boxed == Boolean.class) {
      t = LogicalType.of(Root.BOOLEAN);
    } else if (boxed == Byte.class) {
      t = LogicalType.of(Root.TINYINT);
    } else if (boxed == Short.class) {
      t = LogicalType.of(Root.SMALLINT);
    } else if (boxed == Integer.class) {
      t = LogicalType.integer();
    } else if (boxed == Long.class) {
      t = LogicalType.bigint();
    } else if (boxed == Float.class) {
      t = LogicalType.of(Root.FLOAT);
    } else if (boxed == Double.class) {
      t = LogicalType.of(Root.DOUBLE);
    } else if (boxed == BigDecimal.class) {
      t = LogicalType.decimal(38, 18);
    } else if (boxed == LocalDate.class) {
      t = LogicalType.of(Root.DATE);
    } else if (boxed == LocalTime.class) {
      t = LogicalType.of(Root.TIME, 0);
    } else if (boxed == LocalDateTime.class) {
      t = LogicalType.timestamp(9);
    } else if (boxed == Instant.class) {
      t = LogicalType.of(Root.TIMESTAMP_LTZ, 9);
    } else if (boxed == byte[].class) {
      t = LogicalType.of(Root.VARBINARY, LogicalType.MAX_LENGTH);
    } else {
      return null;
    }
    return type.isPrimitive() ? t.copy(false) : t;
  }

  /** Whether a parameter of Java type {@code param} accepts SQL values of {@code arg}. */
  public static boolean accepts(Class<?> param, LogicalType arg) {
    Class<?> p = box(param);
    if (p == Object.class || arg.root() == Root.NULL) {
      return true;
    }
    int want = numericRank(p);
    int have = numericRank(arg.root());
    if (want >= 0 || have >= 0) {
      return want >= 0 && have >= 0 && have <= want;
    }
    return switch (arg.root()) {
      case CHAR, VARCHAR -> p == String.class;
      case BOOLEAN -> p == Boolean.class;
      case DATE -> p == LocalDate.class;
      case TIME -> p == LocalTime.class;
      case TIMESTAMP -> p == LocalDateTime.class;
      case TIMESTAMP_LTZ -> p == Instant.class;
      case BINARY, VARBINARY -> p == byte[].class;
      default -> p.isAssignableFrom(arg.root().javaClass());
    };
  }

  /** Whether {@code param} takes {@code arg}'s values without widening. */
  public static boolean exact(Class<?> param, LogicalType arg) {
    return box(param) == arg.root().javaClass();
  }

  /** A non-null SQL value converted for a parameter that {@link #accepts} its type. */
  public static Object convert(Object value, Class<?> param) {
    Class<?> p = box(param);
    if (value instanceof Number n && !p.isInstance(value)) {
      if (p == Long.class) {
        return n.longValue();
      } else if (p == Integer.class) {
        return n.intValue();
      } else if (p == Short.class) {
        return n.shortValue();
      } else if (p == Double.class) {
        return n.doubleValue();
      } else if (p == Float.class) {
        return n.floatValue();
      } else if (p == BigDecimal.class) {
        return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
      }
    }
    return value;
  }

  public static Class<?> box(Class<?> type) {
    return BOXES.getOrDefault(type, type);
  }

  /** TINYINT 0 < SMALLINT 1 < INT 2 < BIGINT 3 < DECIMAL 4 < FLOAT 5 < DOUBLE 6; -1 for others. */
  private static int numericRank(Class<?> p) {
    return p == Byte.class ? 0 : p == Short.class ? 1 : p == Integer.class ? 2 : p == Long.class ? 3
        : p == BigDecimal.class ? 4 : p == Float.class ? 5 : p == Double.class ? 6 : -1;
  }

  private static int numericRank(Root r) {
    return switch (r) {
      case TINYINT -> 0;
      case SMALLINT -> 1;
      case INTEGER -> 2;
      case BIGINT -> 3;
      case DECIMAL -> 4;
      case FLOAT -> 5;
      case DOUBLE -> 6;
      default -> -1;
    };
  }
}
