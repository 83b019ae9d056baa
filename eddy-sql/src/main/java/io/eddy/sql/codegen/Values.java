package io.eddy.sql.codegen;

import io.eddy.table.types.LogicalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Conversions and comparisons of SQL values in their Java form (see {@link io.eddy.api.types.Row}):
 * numeric promotion, CAST between types, comparison across numeric classes. Stateless.
 */
public final class Values {
  private Values() {}

  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[[ ]['T']HH:mm[:ss]]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter();
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** Compares two non-null values of comparable SQL types (numbers across classes). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      if (isIntegral(x) && isIntegral(y)) {
        return Long.compare(x.longValue(), y.longValue());
      }
      if (x instanceof BigDecimal || y instanceof BigDecimal) {
        return decimal(x).compareTo(decimal(y));
      }
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y);
    }
    return ((Comparable) a).compareTo(b);
  }

  /** SQL equality of two non-null values (numbers by value, decimals ignoring scale). */
  public static boolean equal(Object a, Object b) {
    if (a.getClass() == b.getClass() && !(a instanceof BigDecimal)) {
      return a.equals(b);
    }
    return compare(a, b) == 0;
  }

  static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
  }

  static BigDecimal decimal(Object n) {
    return switch (n) {
      case BigDecimal d -> d;
      case Long l -> BigDecimal.valueOf(l);
      case Integer i -> BigDecimal.valueOf(i);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      case Number x -> BigDecimal.valueOf(x.doubleValue());
      case String s -> new BigDecimal(s.trim());
      default -> throw new IllegalArgumentException("not a number: " + n);
    };
  }

  /** {@code value} (non-null) cast to {@code type}. Throws NumberFormatException etc. on bad text. */
  public static Object cast(Object value, LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> value instanceof Boolean ? value : Boolean.valueOf(value.toString().trim());
      // a floating-point value saturates at the int range (Java's narrowing, as Flink's generated casts)
      case TINYINT -> value instanceof Double || value instanceof Float ? (byte) (int) ((Number) value).doubleValue()
          : (byte) integral(value);
      case SMALLINT -> value instanceof Double || value instanceof Float ? (short) (int) ((Number) value).doubleValue()
          : (short) integral(value);
      case INTEGER -> value instanceof Double || value instanceof Float ? (int) ((Number) value).doubleValue()
          : (int) integral(value);
      case BIGINT -> integral(value);
      case FLOAT -> value instanceof String s ? Float.parseFloat(s.trim()) : ((Number) value).floatValue();
      case DOUBLE -> value instanceof String s ? Double.parseDouble(s.trim()) : ((Number) value).doubleValue();
      case DECIMAL -> { // NULL when the integer digits do not fit, as Flink
        BigDecimal d = decimal(value).setScale(type.scale(), RoundingMode.HALF_UP);
        yield d.precision() - d.scale() > type.precision() - type.scale() ? null : d;
      }
      case CHAR, VARCHAR -> {
        String s = text(value);
        yield type.precision() > 0 && s.length() > type.precision() ? s.substring(0, type.precision()) : s;
      }
      case DATE -> value instanceof LocalDateTime t ? t.toLocalDate()
          : value instanceof LocalDate ? value : LocalDate.parse(value.toString().trim());
      case TIME -> value instanceof LocalDateTime t ? t.toLocalTime()
          : value instanceof LocalTime ? value : LocalTime.parse(value.toString().trim());
      case TIMESTAMP -> value instanceof LocalDateTime t ? truncate(t, type.precision())
          : value instanceof LocalDate d ? d.atStartOfDay()
          : value instanceof java.time.Instant i ? truncate(LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC), type.precision())
          : truncate(LocalDateTime.parse(value.toString().trim(), TIMESTAMP_TEXT), type.precision());
      // the session time zone is UTC
      case TIMESTAMP_LTZ -> value instanceof LocalDateTime t ? t.toInstant(java.time.ZoneOffset.UTC) : value;
      default -> value;
    };
  }

  /**
   * {@code value} (non-null) of type {@code from} cast to {@code type}: as {@link #cast(Object,
   * LogicalType)}, but a TIMESTAMP(p) becomes text with p fractional digits, as Flink prints it.
   */
  public static Object cast(Object value, LogicalType from, LogicalType type) {
    if (type.isString() && value instanceof LocalDateTime t && from.root() == LogicalType.Root.TIMESTAMP) {
      return cast(timestampText(t, from.precision()), type);
    }
    return cast(value, type);
  }

  /** {@code yyyy-MM-dd HH:mm:ss} and {@code precision} fractional digits. */
  static String timestampText(LocalDateTime t, int precision) {
    String text = t.toLocalDate() + " " + t.toLocalTime().format(CLOCK);
    if (precision <= 0) {
      return text;
    }
    String nanos = String.format("%09d", t.getNano());
    return text + "." + nanos.substring(0, Math.min(9, precision));
  }

  /** The SQL text of a value, as CAST(x AS STRING) gives it. */
  public static String text(Object value) {
    return switch (value) {
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case Boolean b -> b ? "TRUE" : "FALSE";
      case LocalDateTime t -> t.toLocalDate() + " " + t.toLocalTime().format(t.getNano() == 0
          ? CLOCK : DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
      default -> value.toString();
    };
  }

  private static long integral(Object value) {
    return switch (value) {
      case Number n when isIntegral(n) -> n.longValue();
      case BigDecimal d -> d.setScale(0, RoundingMode.DOWN).longValueExact();
      case Number n -> (long) n.doubleValue();
      case String s -> Long.parseLong(s.trim());
      case Boolean b -> b ? 1 : 0;
      default -> throw new IllegalArgumentException("cannot cast " + value + " to a number");
    };
  }

  private static LocalDateTime truncate(LocalDateTime t, int precision) {
    if (precision >= 9 || precision < 0) {
      return t;
    }
    long unit = (long) Math.pow(10, 9 - precision);
    return t.withNano((int) (t.getNano() / unit * unit));
  }
}
