package io.eddy.table.runtime.operators.aggregate;

import io.eddy.table.types.LogicalType;
import java.math.BigDecimal;

/**
 * Addition, subtraction and division of boxed numbers in one SQL numeric type, with Java's
 * (and Flink's) overflow of the integer types. Used by SUM and AVG.
 */
final class Numbers {
  private Numbers() {}

  static Object zero(LogicalType.Root root) {
    return switch (root) {
      case TINYINT -> (byte) 0;
      case SMALLINT -> (short) 0;
      case INTEGER -> 0;
      case BIGINT -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0d;
      case DECIMAL -> BigDecimal.ZERO;
      default -> throw new IllegalArgumentException("not a numeric type: " + root);
    };
  }

  static Object add(LogicalType.Root root, Object a, Object b) {
    return switch (root) {
      case TINYINT -> (byte) (((Number) a).byteValue() + ((Number) b).byteValue());
      case SMALLINT -> (short) (((Number) a).shortValue() + ((Number) b).shortValue());
      case INTEGER -> ((Number) a).intValue() + ((Number) b).intValue();
      case BIGINT -> ((Number) a).longValue() + ((Number) b).longValue();
      case FLOAT -> ((Number) a).floatValue() + ((Number) b).floatValue();
      case DOUBLE -> ((Number) a).doubleValue() + ((Number) b).doubleValue();
      case DECIMAL -> decimal(a).add(decimal(b));
      default -> throw new IllegalArgumentException("not a numeric type: " + root);
    };
  }

  static Object subtract(LogicalType.Root root, Object a, Object b) {
    return switch (root) {
      case TINYINT -> (byte) (((Number) a).byteValue() - ((Number) b).byteValue());
      case SMALLINT -> (short) (((Number) a).shortValue() - ((Number) b).shortValue());
      case INTEGER -> ((Number) a).intValue() - ((Number) b).intValue();
      case BIGINT -> ((Number) a).longValue() - ((Number) b).longValue();
      case FLOAT -> ((Number) a).floatValue() - ((Number) b).floatValue();
      case DOUBLE -> ((Number) a).doubleValue() - ((Number) b).doubleValue();
      case DECIMAL -> decimal(a).subtract(decimal(b));
      default -> throw new IllegalArgumentException("not a numeric type: " + root);
    };
  }

  /**
   * {@code sum / count} in the result type: integer types truncate (Flink: AVG of BIGINT is
   * BIGINT), DECIMAL rounds half-up to the result scale.
   */
  static Object divide(LogicalType result, Object sum, long count) {
    return switch (result.root()) {
      case TINYINT -> (byte) (((Number) sum).longValue() / count);
      case SMALLINT -> (short) (((Number) sum).longValue() / count);
      case INTEGER -> (int) (((Number) sum).longValue() / count);
      case BIGINT -> ((Number) sum).longValue() / count;
      case FLOAT -> (float) (((Number) sum).doubleValue() / count);
      case DOUBLE -> ((Number) sum).doubleValue() / count;
      case DECIMAL -> decimal(sum).divide(BigDecimal.valueOf(count), result.scale(), java.math.RoundingMode.HALF_UP);
      default -> throw new IllegalArgumentException("AVG cannot return " + result);
    };
  }

  private static BigDecimal decimal(Object v) {
    return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }
}
