package io.eddy.api.state;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link ValueState}. */
public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
  public ValueStateDescriptor(String name, Class<T> type) {
    super(name, type);
  }

  public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
    this(name, typeInfo.createSerializer());
  }

  public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
    super(name, serializer);
  }

  @Override
  public Kind kind() {
    return Kind.VALUE;
  }
}
