package io.eddy.api.datastream.internal;

import io.eddy.api.functions.ReduceFunction;
import java.math.BigDecimal;

/**
 * The reduce functions behind KeyedStream.sum/min/max/minBy/maxBy on one numeric or comparable
 * field. sum/min/max keep the other fields of the key's first record; minBy/maxBy keep the
 * whole winning record (the earlier one on ties), as in Flink.
 */
public final class FieldAggregation {
  private FieldAggregation() {}

  public static <T> ReduceFunction<T> sum(String field) {
    FieldAccessor accessor = new FieldAccessor(field);
    return (a, b) -> accessor.with(a, add(accessor.get(a), accessor.get(b)));
  }

  public static <T> ReduceFunction<T> min(String field) {
    FieldAccessor accessor = new FieldAccessor(field);
    return (a, b) -> compare(accessor.get(b), accessor.get(a)) < 0 ? accessor.with(a, accessor.get(b)) : a;
  }

  public static <T> ReduceFunction<T> max(String field) {
    FieldAccessor accessor = new FieldAccessor(field);
    return (a, b) -> compare(accessor.get(b), accessor.get(a)) > 0 ? accessor.with(a, accessor.get(b)) : a;
  }

  public static <T> ReduceFunction<T> minBy(String field) {
    FieldAccessor accessor = new FieldAccessor(field);
    return (a, b) -> compare(accessor.get(b), accessor.get(a)) < 0 ? b : a;
  }

  public static <T> ReduceFunction<T> maxBy(String field) {
    FieldAccessor accessor = new FieldAccessor(field);
    return (a, b) -> compare(accessor.get(b), accessor.get(a)) > 0 ? b : a;
  }

  private static Object add(Object a, Object b) {
    return switch (a) {
      case Integer x -> x + (Integer) b;
      case Long x -> x + (Long) b;
      case Double x -> x + (Double) b;
      case Float x -> x + (Float) b;
      case Short x -> (short) (x + (Short) b);
      case Byte x -> (byte) (x + (Byte) b);
      case BigDecimal x -> x.add((BigDecimal) b);
      default -> throw new IllegalArgumentException("Cannot sum values of type " + a.getClass().getName());
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (!(a instanceof Comparable c)) {
      throw new IllegalArgumentException("Cannot compare values of type " + a.getClass().getName());
    }
    return c.compareTo(b);
  }
}
