package io.eddy.api.state.v2;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link ListState}; the serializer is the element's. */
public final class ListStateDescriptor<T> extends StateDescriptor<T> {
  public ListStateDescriptor(String stateId, Class<T> elementType) {
    super(new io.eddy.api.state.ListStateDescriptor<>(stateId, elementType));
  }

  public ListStateDescriptor(String stateId, TypeInformation<T> elementTypeInfo) {
    this(stateId, elementTypeInfo.createSerializer());
  }

  public ListStateDescriptor(String stateId, TypeSerializer<T> elementSerializer) {
    super(new io.eddy.api.state.ListStateDescriptor<>(stateId, elementSerializer));
  }
}
