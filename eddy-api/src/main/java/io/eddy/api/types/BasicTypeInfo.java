package io.eddy.api.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Flink's basic types: boxed primitives, String, BigInteger/BigDecimal, Date, Instant, Void. */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
  public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class);
  public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class);
  public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class);
  public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class);
  public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class);
  public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class);
  public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class);
  public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class);
  public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class);
  public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class);
  public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class);
  public static final BasicTypeInfo<Date> DATE_TYPE_INFO = new BasicTypeInfo<>(Date.class);
  public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = new BasicTypeInfo<>(Instant.class);
  public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class);

  private static final List<BasicTypeInfo<?>> ALL = List.of(STRING_TYPE_INFO, BOOLEAN_TYPE_INFO, BYTE_TYPE_INFO,
      SHORT_TYPE_INFO, INT_TYPE_INFO, LONG_TYPE_INFO, FLOAT_TYPE_INFO, DOUBLE_TYPE_INFO, CHAR_TYPE_INFO,
      BIG_INT_TYPE_INFO, BIG_DEC_TYPE_INFO, DATE_TYPE_INFO, INSTANT_TYPE_INFO, VOID_TYPE_INFO);

  private final Class<T> type;

  private BasicTypeInfo(Class<T> type) {
    this.type = type;
  }

  /** The basic type information of a class (boxed or primitive), or null when it is not basic. */
  public static BasicTypeInfo<?> getInfoFor(Class<?> type) {
    Class<?> boxed = type.isPrimitive() ? Primitives.box(type) : type;
    for (BasicTypeInfo<?> info : ALL) {
      if (info.type == boxed) {
        return info;
      }
    }
    return null;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isBasicType() {
    return true;
  }

  @Override
  public String toString() {
    return type.getSimpleName();
  }

  private Object readResolve() {
    return getInfoFor(type);
  }
}
