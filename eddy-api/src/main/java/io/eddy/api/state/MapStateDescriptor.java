package io.eddy.api.state;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;

/** Describes a {@link MapState}; {@link #getSerializer()} is the value's serializer. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<UV> {
  private final TypeSerializer<UK> userKeySerializer;

  public MapStateDescriptor(String name, Class<UK> userKeyType, Class<UV> valueType) {
    this(name, TypeSerializers.of(userKeyType), TypeSerializers.of(valueType));
  }

  public MapStateDescriptor(String name, TypeInformation<UK> userKeyTypeInfo, TypeInformation<UV> valueTypeInfo) {
    this(name, userKeyTypeInfo.createSerializer(), valueTypeInfo.createSerializer());
  }

  public MapStateDescriptor(
      String name, TypeSerializer<UK> userKeySerializer, TypeSerializer<UV> valueSerializer) {
    super(name, valueSerializer);
    this.userKeySerializer = userKeySerializer;
  }

  public TypeSerializer<UK> getUserKeySerializer() {
    return userKeySerializer;
  }

  @Override
  public Kind kind() {
    return Kind.MAP;
  }
}
