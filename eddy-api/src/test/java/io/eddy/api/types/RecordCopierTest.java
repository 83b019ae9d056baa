package io.eddy.api.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.tuple.Tuple2;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What RecordCopier shares (immutable values) and what it copies deeply (everything a consumer could change). */
class RecordCopierTest {
  record Point(long x, String label) {}

  record Holder(Point point, List<String> names) {}

  /** A POJO without a no-argument constructor, holding a mutable one. */
  static final class Order {
    final String id;
    long[] quantities;
    Tuple2<String, Long> last;

    Order(String id, long[] quantities, Tuple2<String, Long> last) {
      this.id = id;
      this.quantities = quantities;
      this.last = last;
    }
  }

  @Test
  void immutableValuesAreShared() {
    Point p = new Point(1, "a");
    assertThat(RecordCopier.copy(p)).isSameAs(p);
    assertThat(RecordCopier.copy("s")).isSameAs("s");
    BigDecimal d = new BigDecimal("1.5");
    assertThat(RecordCopier.copy(d)).isSameAs(d);
    assertThat(RecordCopier.isImmutable(Holder.class)).as("a record with a list component").isFalse();
    assertThat(RecordCopier.<Object>copy(null)).isNull();
  }

  @Test
  void mutableValuesAreCopiedDeeply() {
    Holder h = new Holder(new Point(1, "a"), new ArrayList<>(List.of("x")));
    Holder hc = RecordCopier.copy(h);
    assertThat(hc).isEqualTo(h).isNotSameAs(h);
    assertThat(hc.names()).isNotSameAs(h.names());
    assertThat(hc.point()).isSameAs(h.point());

    Order o = new Order("o1", new long[] {1, 2}, Tuple2.of("k", 3L));
    Order oc = RecordCopier.copy(o);
    oc.quantities[0] = 9;
    oc.last.f1 = 4L;
    assertThat(o.quantities).containsExactly(1, 2);
    assertThat(o.last.f1).isEqualTo(3L);
    assertThat(oc.id).isEqualTo("o1");

    Row row = Row.of(1L, new ArrayList<>(List.of(1)));
    Row rc = RecordCopier.copy(row);
    rc.setField(0, 2L);
    assertThat(row.getField(0)).isEqualTo(1L);
    assertThat(rc.getField(1)).isEqualTo(row.getField(1)).isNotSameAs(row.getField(1));
    Row outer = Row.ofKind(RowKind.UPDATE_AFTER, "s", Row.of(new byte[] {1}), null);
    Row outerCopy = RecordCopier.copy(outer);
    assertThat(outerCopy).isEqualTo(outer).isNotSameAs(outer);
    outerCopy.setKind(RowKind.DELETE);
    ((byte[]) ((Row) outerCopy.getField(1)).getField(0))[0] = 7;
    assertThat(outer.getKind()).isEqualTo(RowKind.UPDATE_AFTER);
    assertThat((byte[]) ((Row) outer.getField(1)).getField(0)).containsExactly(1);

    Map<String, int[]> m = new HashMap<>(Map.of("a", new int[] {1}));
    Map<String, int[]> mc = RecordCopier.copy(m);
    mc.get("a")[0] = 5;
    assertThat(m.get("a")).containsExactly(1);
  }
}
