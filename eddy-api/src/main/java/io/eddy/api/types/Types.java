package io.eddy.api.types;

import io.eddy.api.tuple.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Flink's catalogue of type informations, by the names Flink jobs use ({@code Types.STRING}, {@code Types.TUPLE(...)}). */
public final class Types {
  public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
  public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
  public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
  public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
  public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
  public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
  public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
  public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
  public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
  public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
  public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
  public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
  public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
  public static final TypeInformation<Date> SQL_DATE = new GenericTypeInfo<>(Date.class);
  public static final TypeInformation<Time> SQL_TIME = new GenericTypeInfo<>(Time.class);
  public static final TypeInformation<Timestamp> SQL_TIMESTAMP = new GenericTypeInfo<>(Timestamp.class);
  public static final TypeInformation<LocalDate> LOCAL_DATE = new GenericTypeInfo<>(LocalDate.class);
  public static final TypeInformation<LocalTime> LOCAL_TIME = new GenericTypeInfo<>(LocalTime.class);
  public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = new GenericTypeInfo<>(LocalDateTime.class);

  private Types() {}

  /** A tuple of the given field types. */
  public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
    return new TupleTypeInfo<>(types);
  }

  /** A row with fields f0, f1, ... of the given types. */
  public static TypeInformation<Row> ROW(TypeInformation<?>... types) {
    return new RowTypeInfo(types);
  }

  /** A row with named fields. */
  public static TypeInformation<Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
    return new RowTypeInfo(types, fieldNames);
  }

  /** A POJO class; fails when the class does not follow Flink's POJO rules. */
  public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
    return new PojoTypeInfo<>(pojoClass);
  }

  /** Any class, serialized generically. */
  public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
    return new GenericTypeInfo<>(genericClass);
  }

  /** An enum class. */
  public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
    return new GenericTypeInfo<>(enumType);
  }

  public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
    return new ListTypeInfo<>(elementType);
  }

  public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    return new MapTypeInfo<>(keyType, valueType);
  }

  /** An array of objects of the element type. */
  @SuppressWarnings("unchecked")
  public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
    return new GenericTypeInfo<>((Class<E[]>) elementType.getTypeClass().arrayType());
  }

  /** An array of a primitive type, given by the boxed type's information (e.g. {@code Types.INT} for int[]). */
  public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
    Class<?> element = elementType.getTypeClass();
    for (Class<?> primitive : List.of(boolean.class, byte.class, short.class, int.class, long.class, float.class,
        double.class, char.class)) {
      if (Primitives.box(primitive) == element) {
        return new GenericTypeInfo<>(primitive.arrayType());
      }
    }
    throw new IllegalArgumentException("No primitive array of " + elementType);
  }
}
