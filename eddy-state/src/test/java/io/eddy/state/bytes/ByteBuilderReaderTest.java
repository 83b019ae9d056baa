package io.eddy.state.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** ByteBuilder and ByteReader against the JDK's DataOutputStream and DataInputStream, the model. */
class ByteBuilderReaderTest {
  private static void writeAll(DataOutput out) throws IOException {
    out.writeBoolean(true);
    out.writeByte(-7);
    out.writeShort(-12345);
    out.writeChar('é');
    out.writeInt(0x89ABCDEF);
    out.writeLong(0x0123456789ABCDEFL);
    out.writeLong(-2);
    out.writeFloat(-1.5f);
    out.writeDouble(Math.PI);
    out.writeBytes("ab");
    out.writeChars("ç");
    out.writeUTF("grüße \u0000 ok");
    out.writeUTF("io.eddy.Q5$AuctionCount");
    out.writeUTF("");
    out.write(new byte[] {9, 8, 7}, 1, 2);
    out.write(200);
  }

  private static String readAll(DataInput in) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append(in.readBoolean()).append(',').append(in.readByte()).append(',').append(in.readShort()).append(',')
        .append(in.readChar()).append(',').append(in.readInt()).append(',').append(in.readLong()).append(',')
        .append(in.readLong()).append(',').append(in.readFloat()).append(',').append(in.readDouble()).append(',')
        .append(in.readUnsignedByte()).append(',').append(in.readUnsignedByte()).append(',').append(in.readChar())
        .append(',').append(in.readUTF()).append(',').append(in.readUTF()).append(',').append(in.readUTF())
        .append(',');
    byte[] two = new byte[2];
    in.readFully(two);
    s.append(two[0]).append(two[1]).append(',').append(in.readUnsignedByte());
    return s.toString();
  }

  @Test
  void writesTheBytesOfADataOutputStream() throws IOException {
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    writeAll(new DataOutputStream(model));
    ByteBuilder builder = new ByteBuilder();
    builder.write(1); // a prefix that reset(mark) keeps
    int mark = builder.mark();
    writeAll(builder.out());
    builder.reset(mark);
    writeAll(builder.out());
    byte[] built = builder.toArray();
    assertThat(built[0]).isEqualTo((byte) 1);
    assertThat(java.util.Arrays.copyOfRange(built, 1, built.length)).isEqualTo(model.toByteArray());
  }

  @Test
  void readsWhatADataInputStreamReadsFromARange() throws IOException {
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    model.write(new byte[] {5, 5, 5});
    writeAll(new DataOutputStream(model));
    model.write(6);
    byte[] bytes = model.toByteArray();
    String expected = readAll(new DataInputStream(new ByteArrayInputStream(bytes, 3, bytes.length - 4)));
    ByteReader reader = new ByteReader(bytes, 3, bytes.length - 4);
    assertThat(readAll(reader)).isEqualTo(expected);
    assertThat(reader.position()).isEqualTo(bytes.length - 1);
    assertThatThrownBy(reader::readByte).isInstanceOf(EOFException.class);
    assertThat(reader.reset(bytes, 0, 3).readUnsignedByte()).isEqualTo(5);
    assertThat(reader.skipBytes(10)).isEqualTo(2);
    assertThatThrownBy(reader::readLong).isInstanceOf(EOFException.class);
  }

  @Test
  void decodesStringsInPlaceAsTheStreamSerializerDoes() throws IOException {
    io.eddy.api.types.TypeSerializer<String> strings = io.eddy.api.types.TypeSerializers.of(String.class);
    java.util.List<String> values = java.util.List.of("", "ascii", "grüße", "\u0000 nul", "😀 and 中文", "x".repeat(70_000));
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(model);
    for (String v : values) {
      strings.serialize(v, out);
    }
    byte[] bytes = model.toByteArray();
    ByteReader reader = new ByteReader(bytes, 0, bytes.length);
    DataInputStream stream = new DataInputStream(new ByteArrayInputStream(bytes));
    for (String v : values) {
      assertThat(strings.deserialize(reader)).isEqualTo(v).isEqualTo(strings.deserialize(stream));
    }
    assertThat(reader.position()).isEqualTo(bytes.length);
    byte[] cut = java.util.Arrays.copyOf(bytes, 10); // "" and the length of "ascii" with 1 of its 5 bytes
    ByteReader shortReader = new ByteReader(cut, 0, cut.length);
    strings.deserialize(shortReader);
    assertThatThrownBy(() -> strings.deserialize(shortReader)).isInstanceOf(EOFException.class);
    byte[] negative = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 1, 2};
    assertThatThrownBy(() -> strings.deserialize(new ByteReader(negative, 0, negative.length)))
        .isInstanceOf(EOFException.class);
  }
}
