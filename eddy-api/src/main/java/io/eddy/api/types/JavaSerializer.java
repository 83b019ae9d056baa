package io.eddy.api.types;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Fallback for types without a dedicated serializer: Java serialization, length-prefixed.
 * Correct for any {@link java.io.Serializable} type, but slow and bulky; byte-oriented backends
 * should prefer dedicated serializers.
 */
final class JavaSerializer<T> implements TypeSerializer<T> {
  private final String typeName;

  JavaSerializer(Class<T> type) {
    this.typeName = type.getName();
  }

  @Override
  public void serialize(T value, DataOutput out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
      oos.writeObject(value);
    }
    out.writeInt(bytes.size());
    out.write(bytes.toByteArray());
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return Class.forName(desc.getName(), false, Thread.currentThread().getContextClassLoader());
      }
    }) {
      return (T) ois.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("Cannot deserialize " + typeName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "java:" + typeName;
  }
}
