package io.eddy.api.types;

import java.io.Serializable;
import java.util.Map;

/** Picks the serializer for a class: a dedicated one for basic types, else Java serialization. */
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

  /** Java serialization of whatever runtime type a value has; for generic state such as accumulators. */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> generic() {
    return (TypeSerializer<T>) new JavaSerializer<>(Object.class);
  }

  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> of(Class<T> type) {
    TypeSerializer<?> basic = BASIC_BY_CLASS.get(type);
    if (basic != null) {
      return (TypeSerializer<T>) basic;
    }
    if (!Serializable.class.isAssignableFrom(type) && !type.isInterface() && type != Object.class) {
      throw new IllegalArgumentException(
          "No serializer for " + type.getName() + ": make it Serializable or pass a TypeSerializer");
    }
    return new JavaSerializer<>(type);
  }

  static TypeSerializer<?> basic(String name) {
    return BASIC_BY_NAME.get(name);
  }
}
