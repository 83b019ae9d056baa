package io.eddy.state.bytes;

import io.eddy.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes one value to a fresh array and back, for state values and user keys. */
final class ByteCodec {
  private ByteCodec() {}

  static <T> byte[] toBytes(TypeSerializer<T> serializer, T value, ByteBuilder scratch) {
    scratch.reset(0);
    try {
      serializer.serialize(value, scratch.out());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize state value " + value + ": " + e.getMessage(), e);
    }
    return scratch.toArray();
  }

  static <T> T fromBytes(TypeSerializer<T> serializer, byte[] bytes, int offset, int length) {
    try {
      return serializer.deserialize(new ByteReader(bytes, offset, length));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot deserialize state value with " + serializer.name() + ": " + e.getMessage(), e);
    }
  }

  static <T> T fromBytes(TypeSerializer<T> serializer, byte[] bytes) {
    return fromBytes(serializer, bytes, 0, bytes.length);
  }
}
