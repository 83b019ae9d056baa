package io.eddy.api.types;

import io.eddy.api.tuple.Tuple;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Captures a generic type that Java erases, as Flink's TypeHint does: create an anonymous
 * subclass, {@code new TypeHint<Tuple2<String, Long>>() {}}, and read {@link #getTypeInfo()}.
 */
public abstract class TypeHint<T> {
  private final TypeInformation<T> typeInfo;

  @SuppressWarnings("unchecked")
  protected TypeHint() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType p) || p.getRawType() != TypeHint.class) {
      throw new IllegalStateException("A TypeHint must be created as a direct anonymous subclass: new TypeHint<...>() {}");
    }
    this.typeInfo = (TypeInformation<T>) infoFor(p.getActualTypeArguments()[0]);
  }

  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }

  private static TypeInformation<?> infoFor(Type type) {
    if (type instanceof Class<?> c) {
      return TypeInformation.of(c);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (Tuple.class.isAssignableFrom(raw) && raw.getPackage() == Tuple.class.getPackage()) {
        TypeInformation<?>[] fields = new TypeInformation<?>[args.length];
        for (int i = 0; i < args.length; i++) {
          fields[i] = infoFor(args[i]);
        }
        return new TupleTypeInfo<>(raw.asSubclass(Tuple.class), fields);
      }
      if (raw == List.class) {
        return new ListTypeInfo<>(infoFor(args[0]));
      }
      if (raw == Map.class) {
        return new MapTypeInfo<>(infoFor(args[0]), infoFor(args[1]));
      }
      return new GenericTypeInfo<>(raw);
    }
    if (type instanceof GenericArrayType a) {
      return new GenericTypeInfo<>(infoFor(a.getGenericComponentType()).getTypeClass().arrayType());
    }
    throw new IllegalArgumentException("A TypeHint needs a concrete type, not the type variable or wildcard " + type
        + ": declare the hint where the type is known");
  }
}
