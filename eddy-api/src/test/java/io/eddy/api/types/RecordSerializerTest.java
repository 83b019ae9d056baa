package io.eddy.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {
  record Bid(long auction, int count, double price, boolean flag, char c, String channel, Long boxed,
      byte[] payload, List<Object> items, Inner inner) {}

  record Inner(String name, Object anything) {}

  private static <T> byte[] write(TypeSerializer<T> s, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.serialize(value, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static <T> T read(TypeSerializer<T> s, byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    T back = s.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }

  @Test
  void recordClassesGetTheRecordSerializer() {
    assertThat(TypeSerializers.of(Bid.class)).isInstanceOf(RecordSerializer.class)
        .isEqualTo(TypeSerializers.of(Bid.class));
    assertThat(TypeSerializers.of(Bid.class).name()).isEqualTo("record:" + Bid.class.getName());
    assertThat(TypeSerializers.of(Object.class)).isSameAs(TypeSerializers.generic());
  }

  @Test
  void roundTripsEveryKindOfComponentAndNulls() throws IOException {
    TypeSerializer<Bid> s = TypeSerializers.of(Bid.class);
    Bid full = new Bid(7, -3, 1.25, true, 'x', "chännel", 42L, new byte[] {1, 2}, List.of(1L, "a"),
        new Inner("n", 3.5));
    Bid empty = new Bid(0, 0, 0, false, 'a', null, null, null, null, null);
    for (Bid bid : List.of(full, empty)) {
      Bid back = read(s, write(s, bid));
      assertThat(back).usingRecursiveComparison().isEqualTo(bid);
    }
    assertThat(read(s, write(s, null))).isNull();
  }

  @Test
  void writesNoClassName() throws IOException {
    byte[] bytes = write(TypeSerializers.of(Inner.class), new Inner("n", null));
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Inner");
    // presence, the string's null flag, its length and byte, the generic null tag
    assertThat(bytes).hasSize(1 + 1 + 4 + 1 + 1);
  }

  @Test
  void survivesJavaSerializationAsPartOfADescriptor() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(TypeSerializers.of(Inner.class));
    }
    @SuppressWarnings("unchecked")
    TypeSerializer<Inner> copy = (TypeSerializer<Inner>) new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertThat(read(copy, write(copy, new Inner("x", 1L)))).isEqualTo(new Inner("x", 1L));
  }

  @Test
  void rejectsCorruptPresenceByte() {
    assertThatThrownBy(() -> read(TypeSerializers.of(Inner.class), new byte[] {5}))
        .isInstanceOf(IOException.class).hasMessageContaining("Corrupt");
  }
}
