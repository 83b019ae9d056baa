package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalValueState;
import java.io.DataOutputStream;
import java.io.IOException;

/** Value state as one serialized value per (key, namespace). */
final class ByteValueState<K, N, V> extends AbstractByteState<K, N> implements InternalValueState<N, V> {
  private final TypeSerializer<V> serializer;

  ByteValueState(ByteKeyedStateBackend<K> backend, KvColumn column, TypeSerializer<N> namespaceSerializer,
      N defaultNamespace, TypeSerializer<V> serializer) {
    super(backend, column, namespaceSerializer, defaultNamespace);
    this.serializer = serializer;
  }

  @Override
  int writeCanonical(int keyGroup, DataOutputStream out) throws IOException {
    return writeCanonical(keyGroup, out, this::decode);
  }

  @Override
  @SuppressWarnings("unchecked")
  void restoreCanonical(Object value) {
    update((V) value);
  }

  V decode(byte[] bytes) {
    return ByteCodec.fromBytes(serializer, bytes);
  }

  byte[] encode(V value) {
    return ByteCodec.toBytes(serializer, value, values);
  }

  @Override
  public V value() {
    byte[] bytes = getIn(namespace);
    return bytes == null ? null : decode(bytes);
  }

  @Override
  public void update(V value) {
    if (value == null) {
      clear();
    } else {
      put(currentKey(), encode(value));
    }
  }
}
