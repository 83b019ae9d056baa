package io.eddy.api.types;

import java.util.Objects;

/** A type Flink would hand to Kryo and Eddy to its generic serializer: any class, named by it. */
public class GenericTypeInfo<T> extends TypeInformation<T> {
  private final Class<T> type;

  public GenericTypeInfo(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return TypeSerializers.generic();
  }

  @Override
  public String toString() {
    return "GenericType<" + type.getCanonicalName() + ">";
  }
}
