package io.eddy.api.types;

import java.util.Map;

/** The boxed class of each primitive type. */
final class Primitives {
  private static final Map<Class<?>, Class<?>> BOXED = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
      short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
      double.class, Double.class, char.class, Character.class, void.class, Void.class);

  private Primitives() {}

  static Class<?> box(Class<?> primitive) {
    return BOXED.get(primitive);
  }
}
