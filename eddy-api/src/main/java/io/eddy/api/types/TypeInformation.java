package io.eddy.api.types;

import io.eddy.api.tuple.Tuple;
import java.io.Serializable;
import java.util.Objects;

/**
 * Describes the type of a stream's elements or of a piece of state, as Flink's TypeInformation
 * does, so that jobs written with {@code returns(...)}, {@code Types.*} or {@link TypeHint}s port
 * unchanged. Eddy serializes by the values themselves ({@link TypeSerializers#generic()}), so a
 * type information mostly names the type and picks the compact serializer for basic types.
 */
public abstract class TypeInformation<T> implements Serializable {
  /** The class of the described values. */
  public abstract Class<T> getTypeClass();

  /** Whether this is one of Flink's basic types (boxed primitives, String, BigInteger, ...). */
  public boolean isBasicType() {
    return false;
  }

  /** Whether this describes a {@link Tuple}. */
  public boolean isTupleType() {
    return false;
  }

  /** The number of top-level fields (1 for atomic types). */
  public int getArity() {
    return 1;
  }

  /** The number of leaf fields, counting nested composite types' fields. */
  public int getTotalFields() {
    return 1;
  }

  /** Whether values of this type can be keys (compared and hashed). */
  public boolean isKeyType() {
    return true;
  }

  /** The serializer for values of this type. */
  public TypeSerializer<T> createSerializer() {
    return TypeSerializers.of(getTypeClass());
  }

  /** The type information of a class: basic types, POJOs and otherwise a generic type. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    TypeInformation<?> basic = BasicTypeInfo.getInfoFor(type);
    if (basic != null) {
      return (TypeInformation<T>) basic;
    }
    if (!Tuple.class.isAssignableFrom(type) && FieldShape.isPojo(type)) {
      return new PojoTypeInfo<>(type);
    }
    return new GenericTypeInfo<>(type);
  }

  /** The type information a type hint captured, e.g. {@code of(new TypeHint<Tuple2<String, Long>>() {})}. */
  public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
    return typeHint.getTypeInfo();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && toString().equals(o.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
