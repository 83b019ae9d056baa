package io.eddy.api.types;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Serializers of the JDK's basic value types, in big-endian fixed-width or length-prefixed form. */
final class BasicSerializers {
  private BasicSerializers() {}

  static final TypeSerializer<Long> LONG = new Basic<>("long") {
    @Override public void serialize(Long v, DataOutput out) throws IOException { out.writeLong(v); }
    @Override public Long deserialize(DataInput in) throws IOException { return in.readLong(); }
  };
  static final TypeSerializer<Integer> INT = new Basic<>("int") {
    @Override public void serialize(Integer v, DataOutput out) throws IOException { out.writeInt(v); }
    @Override public Integer deserialize(DataInput in) throws IOException { return in.readInt(); }
  };
  static final TypeSerializer<Short> SHORT = new Basic<>("short") {
    @Override public void serialize(Short v, DataOutput out) throws IOException { out.writeShort(v); }
    @Override public Short deserialize(DataInput in) throws IOException { return in.readShort(); }
  };
  static final TypeSerializer<Byte> BYTE = new Basic<>("byte") {
    @Override public void serialize(Byte v, DataOutput out) throws IOException { out.writeByte(v); }
    @Override public Byte deserialize(DataInput in) throws IOException { return in.readByte(); }
  };
  static final TypeSerializer<Double> DOUBLE = new Basic<>("double") {
    @Override public void serialize(Double v, DataOutput out) throws IOException { out.writeDouble(v); }
    @Override public Double deserialize(DataInput in) throws IOException { return in.readDouble(); }
  };
  static final TypeSerializer<Float> FLOAT = new Basic<>("float") {
    @Override public void serialize(Float v, DataOutput out) throws IOException { out.writeFloat(v); }
    @Override public Float deserialize(DataInput in) throws IOException { return in.readFloat(); }
  };
  static final TypeSerializer<Boolean> BOOLEAN = new Basic<>("boolean") {
    @Override public void serialize(Boolean v, DataOutput out) throws IOException { out.writeBoolean(v); }
    @Override public Boolean deserialize(DataInput in) throws IOException { return in.readBoolean(); }
  };
  static final TypeSerializer<Character> CHAR = new Basic<>("char") {
    @Override public void serialize(Character v, DataOutput out) throws IOException { out.writeChar(v); }
    @Override public Character deserialize(DataInput in) throws IOException { return in.readChar(); }
  };
  /** UTF-8 with an int length prefix (DataOutput.writeUTF is limited to 64 KiB). */
  static final TypeSerializer<String> STRING = new Basic<>("string") {
    @Override public void serialize(String v, DataOutput out) throws IOException {
      byte[] bytes = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
    @Override public String deserialize(DataInput in) throws IOException {
      int length = in.readInt();
      if (in instanceof Utf8Input direct) {
        return direct.readUtf8(length);
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  };
  static final TypeSerializer<byte[]> BYTES = new Basic<>("bytes") {
    @Override public void serialize(byte[] v, DataOutput out) throws IOException {
      out.writeInt(v.length);
      out.write(v);
    }
    @Override public byte[] deserialize(DataInput in) throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return bytes;
    }
  };

  /** Names the format; the singletons above resolve back to themselves when deserialized. */
  private abstract static class Basic<T> implements TypeSerializer<T> {
    private final String name;

    Basic(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }

    Object readResolve() {
      return TypeSerializers.basic(name);
    }
  }
}
