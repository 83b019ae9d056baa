package io.eddy.api.state;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link ListState}; the serializer is the element's. */
public final class ListStateDescriptor<T> extends StateDescriptor<T> {
  public ListStateDescriptor(String name, Class<T> elementType) {
    super(name, elementType);
  }

  public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
    this(name, elementTypeInfo.createSerializer());
  }

  public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
    super(name, elementSerializer);
  }

  @Override
  public Kind kind() {
    return Kind.LIST;
  }
}
