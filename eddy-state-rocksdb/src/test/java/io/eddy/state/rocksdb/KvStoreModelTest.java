package io.eddy.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operations on two columns (plain and append) against a sorted-map model, with the store
 * replaced by one restored from a checkpoint (sometimes through a 1 -> 2 -> 1 rescale) every few
 * hundred operations: every read and prefix scan must agree with the model.
 */
class KvStoreModelTest {
  static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);
  static final ColumnOptions APPEND = new ColumnOptions(true, 0);

  @TempDir Path temp;
  @RegisterExtension final OpenStores stores = new OpenStores();
  final Map<String, TreeMap<byte[], byte[]>> model = new HashMap<>();
  final Random random = new Random(7);
  long checkpointId;

  @Test
  void randomOperationsAgreeWithAModelAcrossRestoresAndRescales() throws IOException {
    model.put("plain", new TreeMap<>(Arrays::compareUnsigned));
    model.put("append", new TreeMap<>(Arrays::compareUnsigned));
    RocksDbKvStore store = stores.open(TestStores.settings(temp, 2, true));
    for (int step = 0; step < 6_000; step++) {
      if (step % 700 == 699) {
        store = random.nextBoolean() ? restored(store) : rescaled(store);
      }
      String name = random.nextBoolean() ? "plain" : "append";
      KvColumn column = store.column(name, name.equals("plain") ? ColumnOptions.PLAIN : APPEND);
      TreeMap<byte[], byte[]> entries = model.get(name);
      byte[] key = randomKey();
      switch (random.nextInt(name.equals("plain") ? 4 : 5)) {
        case 0, 1 -> {
          byte[] value = randomBytes(random.nextInt(20));
          column.put(key, value);
          entries.put(key, value);
        }
        case 2 -> {
          column.delete(key);
          entries.remove(key);
        }
        case 3 -> assertThat(column.get(key)).isEqualTo(entries.get(key));
        default -> {
          byte[] operand = randomBytes(1 + random.nextInt(5));
          column.append(key, operand);
          entries.merge(key, operand, KvStoreModelTest::concat);
        }
      }
      if (step % 50 == 0) {
        byte[] prefix = Arrays.copyOf(key, random.nextInt(key.length + 1));
        assertThat(scan(column, prefix)).isEqualTo(expectedScan(entries, prefix));
      }
    }
    for (String name : model.keySet()) {
      KvColumn column = store.column(name, name.equals("plain") ? ColumnOptions.PLAIN : APPEND);
      assertThat(scan(column, new byte[0])).isEqualTo(expectedScan(model.get(name), new byte[0]));
    }
  }

  RocksDbKvStore restored(RocksDbKvStore from) throws IOException {
    byte[] handle = Checkpoints.take(from, ++checkpointId, ALL);
    RocksDbKvStore to = stores.open(TestStores.settings(temp, 2, true));
    to.restore(List.of(new KeyedStateHandle(ALL, handle)), ALL);
    return to;
  }

  RocksDbKvStore rescaled(RocksDbKvStore from) throws IOException {
    byte[] handle = Checkpoints.take(from, ++checkpointId, ALL);
    List<KeyedStateHandle> halves = new ArrayList<>();
    for (KeyGroupRange half : List.of(KeyGroupRange.of(0, 40), KeyGroupRange.of(41, 127))) {
      RocksDbKvStore part = stores.open(TestStores.settings(temp, 2, true));
      part.restore(List.of(new KeyedStateHandle(ALL, handle)), half);
      halves.add(new KeyedStateHandle(half, Checkpoints.take(part, 1, half)));
    }
    RocksDbKvStore merged = stores.open(TestStores.settings(temp, 2, true));
    merged.restore(halves, ALL);
    return merged;
  }

  /** Keys in a few key groups (among them 40 and 41, the rescale boundary), sharing prefixes. */
  byte[] randomKey() {
    int[] groups = {0, 1, 40, 41, 127};
    byte[] key = new byte[2 + random.nextInt(3)];
    int group = groups[random.nextInt(groups.length)];
    key[0] = (byte) (group >>> 8);
    key[1] = (byte) group;
    for (int i = 2; i < key.length; i++) {
      key[i] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(3));
    }
    return key;
  }

  byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static List<String> scan(KvColumn column, byte[] prefix) throws IOException {
    List<String> entries = new ArrayList<>();
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        entries.add(Arrays.toString(cursor.key()) + "=" + Arrays.toString(cursor.value()));
      }
    }
    return entries;
  }

  static List<String> expectedScan(TreeMap<byte[], byte[]> entries, byte[] prefix) {
    List<String> expected = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> e : entries.tailMap(prefix, true).entrySet()) {
      if (!Arrays.equals(e.getKey(), 0, Math.min(prefix.length, e.getKey().length), prefix, 0, prefix.length)) {
        break;
      }
      expected.add(Arrays.toString(e.getKey()) + "=" + Arrays.toString(e.getValue()));
    }
    return expected;
  }
}
