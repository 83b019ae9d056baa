package io.eddy.api.types;

import java.util.Map;

/**
 * Picks the serializer for a class: a dedicated one for basic types and for records (their
 * components), else the generic one.
 */
public final class TypeSerializers {
  private static final Map<String, TypeSerializer<?>> BASIC_BY_NAME = Map.of(
      "long", BasicSerializers.LONG, "int", BasicSerializers.INT, "short", BasicSerializers.SHORT,
      "byte", BasicSerializers.BYTE, "double", BasicSerializers.DOUBLE, "float", BasicSerializers.FLOAT,
      "boolean", BasicSerializers.BOOLEAN, "char", BasicSerializers.CHAR, "string", BasicSerializers.STRING,
      "bytes", BasicSerializers.BYTES);

  private static final Map<Class<?>, TypeSerializer<?>> BASIC_BY_CLASS = Map.ofEntries(
      Map.entry(Long.class, BasicSerializers.LONG), Map.entry(long.class, BasicSerializers.LONG),
      Map.entry(Integer.class, BasicSerializers.INT), Map.entry(int.class, BasicSerializers.INT),
      Map.entry(Short.class, BasicSerializers.SHORT), Map.entry(short.class, BasicSerializers.SHORT),
      Map.entry(Byte.class, BasicSerializers.BYTE), Map.entry(byte.class, BasicSerializers.BYTE),
      Map.entry(Double.class, BasicSerializers.DOUBLE), Map.entry(double.class, BasicSerializers.DOUBLE),
      Map.entry(Float.class, BasicSerializers.FLOAT), Map.entry(float.class, BasicSerializers.FLOAT),
      Map.entry(Boolean.class, BasicSerializers.BOOLEAN), Map.entry(boolean.class, BasicSerializers.BOOLEAN),
      Map.entry(Character.class, BasicSerializers.CHAR), Map.entry(char.class, BasicSerializers.CHAR),
      Map.entry(String.class, BasicSerializers.STRING), Map.entry(byte[].class, BasicSerializers.BYTES));

  private TypeSerializers() {}

  /**
   * A serializer for values whose type is only known at run time (keys, accumulators, window
   * contents): compact forms for basic types, tuples and records, Java serialization otherwise.
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> generic() {
    return (TypeSerializer<T>) GenericSerializer.INSTANCE;
  }

  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> of(Class<T> type) {
    TypeSerializer<?> basic = BASIC_BY_CLASS.get(type);
    if (basic != null) {
      return (TypeSerializer<T>) basic;
    }
    return type.isRecord() ? new RecordSerializer<>(type) : generic();
  }

  /** The dedicated serializer of a basic type (primitive, boxed, String, byte[]), or null. */
  static TypeSerializer<?> basicOf(Class<?> type) {
    return BASIC_BY_CLASS.get(type);
  }

  static TypeSerializer<?> basic(String name) {
    return BASIC_BY_NAME.get(name);
  }
}
