package io.eddy.sql.codegen;

import io.eddy.table.types.LogicalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.calcite.sql.SqlKind;

/**
 * SQL arithmetic on non-null numbers in the result type Calcite derived: integer types wrap
 * like Java's (and Flink's), integer division truncates, MOD keeps the dividend's sign, DECIMAL
 * results are rounded half-up to the result scale. Division by zero fails the job, as in Flink.
 */
final class Arithmetic {
  private Arithmetic() {}

  static Object apply(SqlKind op, Object a, Object b, LogicalType result) {
    return switch (result.root()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> {
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        long r = switch (op) {
          case PLUS -> x + y;
          case MINUS -> x - y;
          case TIMES -> x * y;
          case DIVIDE -> divide(x, y);
          default -> y == 0 ? fail() : x % y;
        };
        yield narrow(r, result);
      }
      case FLOAT, DOUBLE -> {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        double r = switch (op) {
          case PLUS -> x + y;
          case MINUS -> x - y;
          case TIMES -> x * y;
          case DIVIDE -> x / y;
          default -> x % y;
        };
        yield result.root() == LogicalType.Root.FLOAT ? (Object) (float) r : (Object) r;
      }
      case DECIMAL -> {
        BigDecimal x = Values.decimal(a);
        BigDecimal y = Values.decimal(b);
        BigDecimal r = switch (op) {
          case PLUS -> x.add(y);
          case MINUS -> x.subtract(y);
          case TIMES -> x.multiply(y);
          case DIVIDE -> {
            if (y.signum() == 0) {
              throw new ArithmeticException("Division by zero");
            }
            yield x.divide(y, new MathContext(38, RoundingMode.HALF_UP));
          }
          default -> x.remainder(y);
        };
        yield r.setScale(result.scale(), RoundingMode.HALF_UP);
      }
      default -> throw new UnsupportedOperationException("Unsupported in SQL expressions: " + op + " returning " + result);
    };
  }

  private static long divide(long x, long y) {
    if (y == 0) {
      throw new ArithmeticException("Division by zero");
    }
    return x / y;
  }

  private static long fail() {
    throw new ArithmeticException("Division by zero in MOD");
  }

  static Object narrow(long r, LogicalType type) {
    return switch (type.root()) {
      case TINYINT -> (byte) r;
      case SMALLINT -> (short) r;
      case INTEGER -> (int) r;
      default -> r;
    };
  }

  static Object negate(Object v, LogicalType type) {
    return switch (v) {
      case BigDecimal d -> d.negate();
      case Double d -> -d;
      case Float f -> -f;
      case Number n -> narrow(-n.longValue(), type);
      default -> throw new IllegalArgumentException("cannot negate " + v);
    };
  }

  static Object abs(Object v) {
    return switch (v) {
      case BigDecimal d -> d.abs();
      case Double d -> Math.abs(d);
      case Float f -> Math.abs(f);
      case Long l -> Math.abs(l);
      case Integer i -> Math.abs(i);
      case Short s -> (short) Math.abs(s);
      case Byte b -> (byte) Math.abs(b);
      default -> throw new IllegalArgumentException("ABS of " + v);
    };
  }

  static Object round(Object v, boolean floor) {
    return switch (v) {
      case BigDecimal d -> d.setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING);
      case Double d -> floor ? Math.floor(d) : Math.ceil(d);
      case Float f -> (float) (floor ? Math.floor(f) : Math.ceil(f));
      default -> v;
    };
  }
}
