package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.bytes;
import static io.eddy.state.disagg.Keys.key;
import static io.eddy.state.disagg.Keys.scan;
import static io.eddy.state.disagg.Keys.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Options;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@link io.eddy.state.bytes.KvStore} contract on the disaggregated store. */
class KvStoreContractTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();
  private final DisaggregatedKvStore store = new DisaggregatedKvStore(
      StoreConfig.of(fs, "mem:///db/op-1").withLsmOptions(Options.builder().writeBufferSize(16 << 10).build()));

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void getPutDelete() throws IOException {
    KvColumn c = store.column("values", ColumnOptions.PLAIN);
    byte[] k = key(3, "a");
    assertThat(c.get(k)).isNull();
    c.put(k, bytes("1"));
    k[2] = 'b'; // the caller may reuse its arrays
    assertThat(text(c.get(key(3, "a")))).isEqualTo("1");
    assertThat(c.get(key(3, "b"))).isNull();
    c.put(key(3, "a"), bytes("2"));
    assertThat(text(c.get(key(3, "a")))).isEqualTo("2");
    c.delete(key(3, "a"));
    assertThat(c.get(key(3, "a"))).isNull();
  }

  @Test
  void columnsAreSeparateKeyspacesAndFoundAgainByName() throws IOException {
    KvColumn a = store.column("a", ColumnOptions.PLAIN);
    KvColumn b = store.column("b", ColumnOptions.PLAIN);
    a.put(key(1, "k"), bytes("in a"));
    b.put(key(1, "k"), bytes("in b"));
    assertThat(text(a.get(key(1, "k")))).isEqualTo("in a");
    assertThat(text(b.get(key(1, "k")))).isEqualTo("in b");
    assertThat(text(store.column("a", ColumnOptions.PLAIN).get(key(1, "k")))).isEqualTo("in a");
    b.delete(key(1, "k"));
    assertThat(text(a.get(key(1, "k")))).isEqualTo("in a");
  }

  @Test
  void appendConcatenatesOperandsInOrder() throws IOException {
    KvColumn list = store.column("list", new ColumnOptions(true, 0));
    list.append(key(0, "k"), bytes("a"));
    list.append(key(0, "k"), bytes("b"));
    store.snapshot(1, KeyGroupRange.of(0, 0)); // flushes: operands in a file and in the memtable
    list.append(key(0, "k"), bytes("c"));
    assertThat(text(list.get(key(0, "k")))).isEqualTo("abc");
    list.put(key(0, "k"), bytes("x"));
    list.append(key(0, "k"), bytes("y"));
    assertThat(text(list.get(key(0, "k")))).isEqualTo("xy");
    assertThat(scan(list, key(0, ""))).containsExactly("0/k=xy");
  }

  @Test
  void appendNeedsAnAppendColumn() throws IOException {
    KvColumn plain = store.column("plain", ColumnOptions.PLAIN);
    assertThatThrownBy(() -> plain.append(key(0, "k"), bytes("a"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scansByPrefixWithinOneColumnInKeyOrder() throws IOException {
    KvColumn a = store.column("a", ColumnOptions.PLAIN);
    KvColumn b = store.column("b", ColumnOptions.PLAIN);
    for (int kg : new int[] {0, 1, 255, 256, 300}) {
      a.put(key(kg, "x1"), bytes("a" + kg));
      a.put(key(kg, "x2"), bytes("a" + kg));
      a.put(key(kg, "y"), bytes("a" + kg));
      b.put(key(kg, "x1"), bytes("b" + kg));
    }
    assertThat(scan(a, key(1, "x"))).containsExactly("1/x1=a1", "1/x2=a1");
    assertThat(scan(a, key(1, ""))).containsExactly("1/x1=a1", "1/x2=a1", "1/y=a1");
    assertThat(scan(a, key(2, ""))).isEmpty();
    assertThat(scan(b, new byte[0])).containsExactly("0/x1=b0", "1/x1=b1", "255/x1=b255", "256/x1=b256", "300/x1=b300");
    assertThat(scan(b, new byte[] {1})).containsExactly("256/x1=b256", "300/x1=b300");
    assertThat(scan(a, new byte[0])).hasSize(15).first().isEqualTo("0/x1=a0");
    assertThat(scan(store.column("empty", ColumnOptions.PLAIN), new byte[0])).isEmpty();
  }

  @Test
  void aScanIsAConsistentViewAsOfItsStart() throws IOException {
    KvColumn c = store.column("c", ColumnOptions.PLAIN);
    for (int i = 0; i < 10; i++) {
      c.put(key(5, "k" + i), bytes("v" + i));
    }
    List<String> seen = new ArrayList<>();
    try (KvCursor cursor = c.scan(key(5, ""))) {
      while (cursor.next()) {
        seen.add(Keys.show(cursor.key()) + "=" + text(cursor.value()));
        c.put(key(5, "k5"), bytes("changed"));
        c.delete(key(5, "k7"));
        c.put(key(5, "k99"), bytes("new"));
      }
    }
    assertThat(seen).hasSize(10).contains("5/k5=v5", "5/k7=v7").doesNotContain("5/k99=new");
    assertThat(scan(c, key(5, ""))).contains("5/k5=changed", "5/k99=new").doesNotContain("5/k7=v7");
  }

  /** Random operations on three columns against a sorted-map model, flushing now and then. */
  @Test
  void agreesWithAModelUnderRandomOperations() throws IOException {
    Random random = new Random(7);
    String[] names = {"a", "b", "list"};
    KvColumn[] columns = new KvColumn[3];
    List<TreeMap<String, String>> models = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      columns[i] = store.column(names[i], new ColumnOptions(i == 2, 0));
      models.add(new TreeMap<>());
    }
    for (int op = 0; op < 20_000; op++) {
      int c = random.nextInt(3);
      int kg = random.nextInt(8) * 37;
      String rest = "k" + random.nextInt(50);
      String id = String.format("%05d/%s", kg, rest);
      String v = "v" + op;
      switch (random.nextInt(c == 2 ? 4 : 3)) {
        case 0, 1 -> {
          columns[c].put(key(kg, rest), bytes(v));
          models.get(c).put(id, v);
        }
        case 2 -> {
          columns[c].delete(key(kg, rest));
          models.get(c).remove(id);
        }
        default -> {
          columns[c].append(key(kg, rest), bytes(v));
          models.get(c).merge(id, v, String::concat);
        }
      }
      if (op % 5_000 == 4_999) {
        store.snapshot(op, KeyGroupRange.of(0, 127));
        store.notifyCheckpointComplete(op);
      }
    }
    for (int c = 0; c < 3; c++) {
      Map<String, String> model = models.get(c);
      for (Map.Entry<String, String> e : model.entrySet()) {
        int kg = Integer.parseInt(e.getKey().substring(0, 5));
        assertThat(text(columns[c].get(key(kg, e.getKey().substring(6))))).isEqualTo(e.getValue());
      }
      List<String> expected = new ArrayList<>();
      model.forEach((k, v) -> expected.add(Integer.parseInt(k.substring(0, 5)) + "/" + k.substring(6) + "=" + v));
      assertThat(scan(columns[c], new byte[0])).containsExactlyElementsOf(expected);
    }
  }
}
