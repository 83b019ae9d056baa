package io.eddy.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.tuple.Tuple;
import io.eddy.api.tuple.Tuple5;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The classes Flink jobs keep in state and send between operators: POJOs (public fields or
 * getters and setters, not Serializable), classes Flink hands to Kryo (final fields, no
 * no-argument constructor), Serializable classes with their own hooks, and tuples of every arity.
 */
class UserClassSerializationTest {
  /** A POJO with public fields and an inherited one. */
  public static class Base {
    public String id;
  }

  public static class Order extends Base {
    public long amount;
    public List<String> tags;
    public Order() {}

    Order(String id, long amount, List<String> tags) {
      this.id = id;
      this.amount = amount;
      this.tags = tags;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Order x && Objects.equals(id, x.id) && amount == x.amount && Objects.equals(tags, x.tags);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, amount, tags);
    }
  }

  /** A POJO with private fields behind getters and setters, one of them boolean. */
  public static class Sensor {
    private String name;
    private boolean active;
    private transient int cached = 7;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }
  }

  /** Not a POJO, not Serializable: what Flink gives Kryo. */
  static final class Reading {
    private final String sensor;
    private final double value;
    private final Order order;

    Reading(String sensor, double value, Order order) {
      this.sensor = sensor;
      this.value = value;
      this.order = order;
    }
  }

  /** Serializable with a hook that must keep running. */
  static final class Hooked implements Serializable {
    String text;
    transient String restoredBy;

    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      restoredBy = "readObject";
    }
  }

  final class Inner {
    int x = 1;
  }

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
  void pojosGoFieldByFieldIncludingInheritedFields() throws IOException {
    Order order = new Order("o-1", 250, List.of("a", "b"));
    assertThat(FieldShape.isPojo(Order.class)).isTrue();
    assertThat(roundTrip(order)).isEqualTo(order);
  }

  @Test
  void pojoWithGettersAndSettersKeepsValuesAndSkipsTransientFields() throws IOException {
    assertThat(FieldShape.isPojo(Sensor.class)).isTrue();
    Sensor s = new Sensor();
    s.setName("t-9");
    s.setActive(true);
    s.cached = 99;
    Sensor back = (Sensor) roundTrip(s);
    assertThat(back.getName()).isEqualTo("t-9");
    assertThat(back.isActive()).isTrue();
    assertThat(back.cached).as("transient: initialised by the constructor, not restored").isEqualTo(7);
  }

  @Test
  void classesWithFinalFieldsAndNoDefaultConstructorRoundTripAsWithKryo() throws IOException {
    assertThat(FieldShape.isPojo(Reading.class)).isFalse();
    Reading back = (Reading) roundTrip(new Reading("s", 2.5, new Order("x", 1, List.of())));
    assertThat(back.sensor).isEqualTo("s");
    assertThat(back.value).isEqualTo(2.5);
    assertThat(back.order).isEqualTo(new Order("x", 1, List.of()));
  }

  @Test
  void serializableNonPojosKeepJavaSerializationHooks() throws IOException {
    Hooked h = new Hooked();
    h.text = "t";
    Hooked back = (Hooked) roundTrip(h);
    assertThat(back.text).isEqualTo("t");
    assertThat(back.restoredBy).isEqualTo("readObject");
    LinkedList<Integer> list = new LinkedList<>(List.of(1, 2, 3));
    assertThat(roundTrip(list)).as("JDK collections are never taken apart").isEqualTo(list);
  }

  @Test
  void innerClassesThatCaptureTheirOuterInstanceAreRefusedByName() {
    assertThatThrownBy(() -> roundTrip(new Inner())).isInstanceOf(IOException.class)
        .hasMessageContaining(Inner.class.getName()).hasMessageContaining("POJO");
  }

  @Test
  void tuplesOfEveryArityRoundTrip() throws IOException {
    for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
      Tuple t = Tuple.newInstance(arity);
      for (int i = 0; i < arity; i++) {
        t.setField(i % 2 == 0 ? (Object) ("v" + i) : (Object) (long) i, i);
      }
      assertThat(roundTrip(t)).as("arity %d", arity).isEqualTo(t).hasSameClassAs(t);
    }
    assertThat(Tuple5.of(1, "a", 2L, null, new int[] {1, 2}).toString()).isEqualTo("(1,a,2,null,[1, 2])");
  }
}
