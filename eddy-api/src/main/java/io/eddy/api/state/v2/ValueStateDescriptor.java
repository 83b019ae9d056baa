package io.eddy.api.state.v2;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
  public ValueStateDescriptor(String stateId, Class<T> type) {
    super(new io.eddy.api.state.ValueStateDescriptor<>(stateId, type));
  }

  public ValueStateDescriptor(String stateId, TypeInformation<T> typeInfo) {
    this(stateId, typeInfo.createSerializer());
  }

  public ValueStateDescriptor(String stateId, TypeSerializer<T> serializer) {
    super(new io.eddy.api.state.ValueStateDescriptor<>(stateId, serializer));
  }
}
