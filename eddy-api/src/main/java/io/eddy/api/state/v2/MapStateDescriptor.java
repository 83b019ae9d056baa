package io.eddy.api.state.v2;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;

/** Describes a {@link MapState}; {@link #getSerializer()} is the value's serializer. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<UV> {
  public MapStateDescriptor(String stateId, Class<UK> userKeyType, Class<UV> valueType) {
    super(new io.eddy.api.state.MapStateDescriptor<>(stateId, userKeyType, valueType));
  }

  public MapStateDescriptor(String stateId, TypeInformation<UK> userKeyTypeInfo, TypeInformation<UV> valueTypeInfo) {
    this(stateId, userKeyTypeInfo.createSerializer(), valueTypeInfo.createSerializer());
  }

  public MapStateDescriptor(String stateId, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer) {
    super(new io.eddy.api.state.MapStateDescriptor<>(stateId, userKeySerializer, valueSerializer));
  }

  @Override
  public io.eddy.api.state.MapStateDescriptor<UK, UV> synchronousDescriptor() {
    return (io.eddy.api.state.MapStateDescriptor<UK, UV>) super.synchronousDescriptor();
  }
}
