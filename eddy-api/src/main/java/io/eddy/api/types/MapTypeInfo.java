package io.eddy.api.types;

import java.util.Map;
import java.util.Objects;

/** The type of a java.util.Map with keys of one type and values of another. */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
  private final TypeInformation<K> keyType;
  private final TypeInformation<V> valueType;

  public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
    this.keyType = Objects.requireNonNull(keyType, "key type");
    this.valueType = Objects.requireNonNull(valueType, "value type");
  }

  public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
    this(TypeInformation.of(keyClass), TypeInformation.of(valueClass));
  }

  public TypeInformation<K> getKeyTypeInfo() {
    return keyType;
  }

  public TypeInformation<V> getValueTypeInfo() {
    return valueType;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<Map<K, V>> getTypeClass() {
    return (Class<Map<K, V>>) (Class<?>) Map.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<Map<K, V>> createSerializer() {
    return TypeSerializers.generic();
  }

  @Override
  public String toString() {
    return "Map<" + keyType + ", " + valueType + ">";
  }
}
