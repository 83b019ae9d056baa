package io.eddy.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.windowing.TimeWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericSerializerTest {
  enum Color { RED, GREEN }

  record Point(int x, long y, String label) {}

  record Nested(Point point, List<Object> items, Color color) {}

  private static Object roundTrip(Object value) throws IOException {
    TypeSerializer<Object> s = TypeSerializers.generic();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.serialize(value, new DataOutputStream(bytes));
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    Object back = s.deserialize(in);
    assertThat(in.available()).isZero();
    return back;
  }

  @Test
  void roundTripsEveryCompactForm() throws IOException {
    List<Object> values = new ArrayList<>(List.of(42L, 7, "héllo", 1.5, 2.5f, (short) 3, (byte) 4, true, 'c',
        new BigDecimal("123.450"), Tuple2.of("a", 1L), Tuple3.of(1, "b", 2.0), new Point(1, 2, "p"),
        new Nested(new Point(3, 4, null), List.of(1L, "x"), Color.GREEN), Color.RED,
        new ArrayList<>(List.of(1, 2)), new HashMap<>(Map.of("k", 1L)), new TimeWindow(0, 10),
        LocalDateTime.of(2015, 7, 15, 0, 0)));
    values.add(null);
    for (Object v : values) {
      assertThat(roundTrip(v)).isEqualTo(v);
    }
    assertThat((long[]) roundTrip(new long[] {1, 2})).containsExactly(1, 2);
    assertThat((int[]) roundTrip(new int[] {3})).containsExactly(3);
    assertThat((double[]) roundTrip(new double[] {0.5})).containsExactly(0.5);
    assertThat((byte[]) roundTrip(new byte[] {9, 8})).containsExactly(9, 8);
  }

  @Test
  void refusesWhatItCannotWriteWithTheTypeName() {
    assertThatThrownBy(() -> roundTrip(new Object())).isInstanceOf(IOException.class).hasMessageContaining("java.lang.Object");
  }

  @Test
  void corruptTagIsReported() {
    TypeSerializer<Object> s = TypeSerializers.generic();
    assertThatThrownBy(() -> s.deserialize(new DataInputStream(new ByteArrayInputStream(new byte[] {99}))))
        .hasMessageContaining("unknown type tag 99");
  }
}
