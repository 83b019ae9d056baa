package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.bytes;
import static io.eddy.state.rocksdb.TestStores.key;
import static io.eddy.state.rocksdb.TestStores.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link io.eddy.state.bytes.KvStore} contract on RocksDB: columns, appends, prefix scans and their views. */
class RocksDbKvStoreTest {
  @TempDir Path temp;
  RocksDbKvStore store;

  @BeforeEach
  void open() throws IOException {
    store = new RocksDbKvStore(TestStores.settings(temp));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void getPutDeleteAndOverwrite() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    assertThat(column.get(key(1, "a"))).isNull();
    column.put(key(1, "a"), bytes("1"));
    column.put(key(1, "a"), bytes("2"));
    assertThat(text(column.get(key(1, "a")))).isEqualTo("2");
    column.delete(key(1, "a"));
    assertThat(column.get(key(1, "a"))).isNull();
    column.put(key(1, "empty"), new byte[0]);
    assertThat(column.get(key(1, "empty"))).isEmpty();
  }

  @Test
  void callersMayReuseArraysAndOwnWhatTheyGet() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    byte[] k = key(1, "a");
    byte[] v = bytes("value");
    column.put(k, v);
    v[0] = 'X';
    k[2] = 'b';
    byte[] read = column.get(key(1, "a"));
    assertThat(text(read)).isEqualTo("value");
    read[0] = 'Y';
    assertThat(text(column.get(key(1, "a")))).isEqualTo("value");
  }

  @Test
  void appendConcatenatesWithoutDelimiter() throws IOException {
    KvColumn list = store.column("l", new ColumnOptions(true, 0));
    list.append(key(3, "k"), bytes("ab"));
    list.append(key(3, "k"), bytes("c"));
    list.append(key(3, "k"), new byte[] {0, (byte) 0xFF});
    assertThat(list.get(key(3, "k"))).containsExactly('a', 'b', 'c', 0, 0xFF);
    list.put(key(3, "k"), bytes("x"));
    list.append(key(3, "k"), bytes("y"));
    assertThat(text(list.get(key(3, "k")))).isEqualTo("xy");
    list.delete(key(3, "k"));
    list.append(key(3, "k"), bytes("z"));
    assertThat(text(list.get(key(3, "k")))).isEqualTo("z");
  }

  /**
   * A pairwise (associative) concatenation copies the growing list once per operand: reading
   * these 50k appends (5 MB) took over 10 s that way; folded in one pass it takes milliseconds.
   */
  @Test
  void readingManyAppendsToOneKeyTakesLinearTime() throws IOException {
    KvColumn list = store.column("l", new ColumnOptions(true, 0));
    int appends = 50_000;
    byte[] operand = new byte[100];
    for (int i = 0; i < appends; i++) {
      operand[0] = (byte) i;
      operand[99] = (byte) (i >>> 8);
      list.append(key(3, "hot"), operand);
    }
    long start = System.nanoTime();
    byte[] all = list.get(key(3, "hot"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(all).hasSize(appends * operand.length);
    for (int i = 0; i < appends; i++) {
      assertThat(all[i * 100]).isEqualTo((byte) i);
      assertThat(all[i * 100 + 99]).isEqualTo((byte) (i >>> 8));
    }
    assertThat(millis).as("milliseconds to read %d appends", appends).isLessThan(2_000);
  }

  @Test
  void appendNeedsAnAppendColumn() throws IOException {
    KvColumn plain = store.column("p", ColumnOptions.PLAIN);
    assertThatThrownBy(() -> plain.append(key(0, "k"), bytes("x")))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("'p'");
  }

  @Test
  void columnsAreSeparateKeyspacesAndFoundAgainByName() throws IOException {
    KvColumn a = store.column("a", ColumnOptions.PLAIN);
    KvColumn b = store.column("b", ColumnOptions.PLAIN);
    KvColumn named = store.column("default", ColumnOptions.PLAIN);
    a.put(key(0, "k"), bytes("in a"));
    b.put(key(0, "k"), bytes("in b"));
    assertThat(text(a.get(key(0, "k")))).isEqualTo("in a");
    assertThat(text(b.get(key(0, "k")))).isEqualTo("in b");
    assertThat(named.get(key(0, "k"))).isNull();
    assertThat(store.column("a", ColumnOptions.PLAIN)).isSameAs(a);
  }

  @Test
  void scanReturnsThePrefixInKeyOrder() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    for (String k : List.of("b2", "a1", "b1", "b", "c", "a")) {
      column.put(key(7, k), bytes(k));
    }
    column.put(key(6, "b"), bytes("other group"));
    column.put(key(8, "b"), bytes("other group"));
    assertThat(scan(column, key(7, "b")).keySet()).containsExactly("7:b", "7:b1", "7:b2");
    assertThat(scan(column, key(7, "")).keySet()).containsExactly("7:a", "7:a1", "7:b", "7:b1", "7:b2", "7:c");
    assertThat(scan(column, key(7, "d"))).isEmpty();
    assertThat(scan(column, new byte[0])).hasSize(8).containsKeys("6:b", "8:b");
  }

  @Test
  void scanHandlesPrefixesEndingInFfBytes() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    byte[] ff = {0, 1, (byte) 0xFF};
    column.put(new byte[] {0, 1, (byte) 0xFF, 5}, bytes("in"));
    column.put(new byte[] {0, 1, (byte) 0xFF}, bytes("in"));
    column.put(new byte[] {0, 2}, bytes("out"));
    column.put(new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}, bytes("out"));
    column.put(new byte[] {(byte) 0xFF, (byte) 0xFF, 1}, bytes("last"));
    assertThat(scan(column, ff).values()).containsExactly("in", "in");
    assertThat(scan(column, new byte[] {(byte) 0xFF, (byte) 0xFF}).values()).containsExactly("last");
  }

  @Test
  void aScanIsAConsistentViewUnaffectedByWritesDuringIt() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    for (int i = 0; i < 100; i++) {
      column.put(key(1, String.format("%03d", i)), bytes("old"));
    }
    List<String> seen = new ArrayList<>();
    try (KvCursor cursor = column.scan(key(1, ""))) {
      int i = 0;
      while (cursor.next()) {
        seen.add(text(cursor.value()));
        column.delete(key(1, String.format("%03d", 99 - i)));
        column.put(key(1, String.format("%03d", i) + "x"), bytes("new"));
        column.put(key(1, String.format("%03d", i + 1)), bytes("new"));
        i++;
      }
    }
    assertThat(seen).hasSize(100).containsOnly("old");
  }

  @Test
  void twoCursorsCanBeOpenAtOnce() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    column.put(key(1, "a"), bytes("1"));
    column.put(key(2, "a"), bytes("2"));
    try (KvCursor one = column.scan(key(1, "")); KvCursor two = column.scan(key(2, ""))) {
      assertThat(one.next()).isTrue();
      assertThat(two.next()).isTrue();
      assertThat(text(one.value())).isEqualTo("1");
      assertThat(text(two.value())).isEqualTo("2");
      assertThat(one.next()).isFalse();
      assertThat(two.next()).isFalse();
    }
  }

  @Test
  void manyWritesBeyondTheMemtableBudgetStayReadable() throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    byte[] value = new byte[1000];
    for (int i = 0; i < 40_000; i++) {
      column.put(key(i % 128, "k" + i), value);
    }
    for (int i = 0; i < 40_000; i += 997) {
      assertThat(column.get(key(i % 128, "k" + i))).hasSize(1000);
    }
    assertThat(scan(column, key(5, ""))).hasSize(313);
  }

  @Test
  void closeDeletesTheWorkingDirectoryAndForbidsFurtherUse() throws IOException {
    store.column("c", ColumnOptions.PLAIN).put(key(0, "k"), bytes("v"));
    Path local = store.localDirectory();
    assertThat(local).exists();
    store.close();
    assertThat(local).doesNotExist();
    assertThat(Files.exists(temp.resolve("local"))).isTrue();
    store.close();
    assertThatThrownBy(() -> store.column("d", ColumnOptions.PLAIN)).isInstanceOf(IllegalStateException.class);
  }

  /** The entries under the prefix, keyed by "keyGroup:rest of key". */
  static Map<String, String> scan(KvColumn column, byte[] prefix) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        byte[] k = cursor.key();
        String rest = new String(k, 2, k.length - 2, java.nio.charset.StandardCharsets.ISO_8859_1);
        entries.put((((k[0] & 0xFF) << 8) | (k[1] & 0xFF)) + ":" + rest, text(cursor.value()));
      }
    }
    return entries;
  }
}
