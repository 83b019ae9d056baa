package io.eddy.state.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * CachingKvColumn (write-back) against a model map: random gets, puts, deletes and appends,
 * directly and through a write batch that applies only on commit, multi-gets whose unanswered
 * keys are then read from the store alone (as the read threads of a state executor do), scans,
 * and flushes after which the store must hold exactly the model; over more keys and bytes than
 * the cache holds and with values too large to cache.
 */
class CachingKvColumnTest {
  /** A batch that, like the native ones, writes nothing until it commits. */
  private static final class DeferredBatch implements KvWriteBatch {
    private final List<Runnable> writes = new ArrayList<>();

    @Override
    public void put(KvColumn column, byte[] key, byte[] value) {
      writes.add(() -> unchecked(() -> column.put(key, value)));
    }

    @Override
    public void delete(KvColumn column, byte[] key) {
      writes.add(() -> unchecked(() -> column.delete(key)));
    }

    @Override
    public void append(KvColumn column, byte[] key, byte[] operand) {
      writes.add(() -> unchecked(() -> column.append(key, operand)));
    }

    @Override
    public void commit() {
      writes.forEach(Runnable::run);
      writes.clear();
    }
  }

  /** Counts the writes that reach the store. */
  private static final class CountingColumn implements KvColumn {
    private final KvColumn store;
    int writes;

    CountingColumn(KvColumn store) {
      this.store = store;
    }

    @Override
    public byte[] get(byte[] key) throws IOException {
      return store.get(key);
    }

    @Override
    public void put(byte[] key, byte[] value) throws IOException {
      writes++;
      store.put(key, value);
    }

    @Override
    public void delete(byte[] key) throws IOException {
      writes++;
      store.delete(key);
    }

    @Override
    public void append(byte[] key, byte[] operand) throws IOException {
      writes++;
      store.append(key, operand);
    }

    @Override
    public KvCursor scan(byte[] prefix) throws IOException {
      return store.scan(prefix);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void unchecked(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] key(int i) {
    return new byte[] {0, 1, (byte) (i >>> 8), (byte) i};
  }

  private static TreeMap<byte[], byte[]> newModel() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }

  @Test
  void readsWhatTheModelHoldsWithTheDefaultBounds() throws IOException {
    runAgainstModel(CachingKvColumn.MAX_ENTRIES, CachingKvColumn.MAX_BYTES, CachingKvColumn.MAX_ENTRIES * 2, 42);
  }

  @Test
  void readsWhatTheModelHoldsWhenEvicting() throws IOException {
    runAgainstModel(16, 2048, 200, 7);
    runAgainstModel(64, 1 << 20, 100, 8);
  }

  private void runAgainstModel(int maxEntries, long maxBytes, int manyKeys, long seed) throws IOException {
    SortedMapKvStore store = new SortedMapKvStore();
    KvColumn stored = store.column("s", new ColumnOptions(true, 0));
    CachingKvColumn column = new CachingKvColumn(stored, DeferredBatch::new, maxEntries, maxBytes);
    TreeMap<byte[], byte[]> model = newModel();
    Random random = new Random(seed);
    CachingWriteBatch batch = new CachingWriteBatch(new DeferredBatch());
    List<Runnable> pending = new ArrayList<>();
    for (int step = 0; step < 60_000; step++) {
      int keys = step < 30_000 ? 64 : manyKeys;
      byte[] key = key(random.nextInt(keys));
      byte[] value = new byte[random.nextInt(400) == 0 ? CachingKvColumn.MAX_VALUE_BYTES / 2 + 1 : random.nextInt(8)];
      random.nextBytes(value);
      switch (random.nextInt(14)) {
        case 0, 1, 2, 3 -> assertThat(column.get(key)).as("step %d", step).isEqualTo(model.get(key));
        case 4 -> {
          column.put(key, value);
          model.put(key, value.clone());
          if (value.length > 0) {
            value[0] ^= 1; // the caller reuses its array
          }
        }
        case 5 -> {
          column.delete(key);
          model.remove(key);
        }
        case 6, 7 -> {
          column.append(key, value);
          model.merge(key, value.clone(), CachingKvColumnTest::concat);
        }
        case 8 -> {
          switch (random.nextInt(3)) {
            case 0 -> {
              batch.put(column, key, value);
              pending.add(() -> model.put(key, value));
            }
            case 1 -> {
              batch.delete(column, key);
              pending.add(() -> model.remove(key));
            }
            default -> {
              batch.append(column, key, value);
              pending.add(() -> model.merge(key, value, CachingKvColumnTest::concat));
            }
          }
        }
        case 9 -> {
          batch.commit();
          pending.forEach(Runnable::run);
          pending.clear();
        }
        case 10 -> {
          List<byte[]> asked = new ArrayList<>();
          for (int i = random.nextInt(4); i >= 0; i--) {
            asked.add(key(random.nextInt(keys)));
          }
          BitSet answered = new BitSet();
          List<byte[]> cached = column.multiGetCached(asked, answered);
          List<byte[]> fromStore = stored.multiGet(asked); // what a read thread would read
          for (int i = 0; i < asked.size(); i++) {
            byte[] expected = model.get(asked.get(i));
            assertThat(answered.get(i) ? cached.get(i) : fromStore.get(i)).as("step %d", step).isEqualTo(expected);
          }
        }
        case 11 -> {
          if (random.nextInt(keys / 16) != 0) {
            continue; // scans of many keys are slow in the model
          }
          byte[] prefix = {0, 1, (byte) random.nextInt(2)};
          assertThat(scan(column, prefix)).as("step %d", step).isEqualTo(entries(model, prefix));
        }
        case 12 -> {
          if (random.nextInt(keys / 16) != 0) {
            continue;
          }
          column.flush();
          assertThat(scan(stored, new byte[0])).as("step %d", step).isEqualTo(entries(model, new byte[0]));
        }
        default -> {
          byte[] read = column.get(key);
          if (read != null && read.length > 0) {
            read[0] ^= 1; // the caller owns what it read
            assertThat(column.get(key)).isEqualTo(model.get(key));
          }
        }
      }
    }
    batch.commit();
    pending.forEach(Runnable::run);
    column.flush();
    assertThat(scan(stored, new byte[0])).isEqualTo(entries(model, new byte[0]));
  }

  @Test
  void aKeyWrittenManyTimesReachesTheStoreOncePerFlush() throws IOException {
    SortedMapKvStore store = new SortedMapKvStore();
    CountingColumn counting = new CountingColumn(store.column("s", new ColumnOptions(true, 0)));
    CachingKvColumn column = new CachingKvColumn(counting, KvWriteBatch::immediate);
    for (int i = 0; i < 1000; i++) {
      column.put(key(1), new byte[] {(byte) i});
      column.append(key(2), new byte[] {(byte) i});
    }
    assertThat(counting.writes).isZero();
    column.flush();
    assertThat(counting.writes).isEqualTo(2);
    assertThat(counting.get(key(1))).containsExactly((byte) 999);
    assertThat(counting.get(key(2))).hasSize(1000);

    // a window's list: appended to, read and cleared between two flushes, never reaches the store
    for (int i = 0; i < 100; i++) {
      column.append(key(3), new byte[] {(byte) i});
    }
    assertThat(column.get(key(3))).hasSize(100);
    column.delete(key(3));
    column.flush();
    assertThat(counting.writes).isEqualTo(2);
    assertThat(counting.get(key(3))).isNull();
  }

  @Test
  void evictionWritesTheChangesOfTheKeysItEvicts() throws IOException {
    SortedMapKvStore store = new SortedMapKvStore();
    CountingColumn counting = new CountingColumn(store.column("s", ColumnOptions.PLAIN));
    CachingKvColumn column = new CachingKvColumn(counting, KvWriteBatch::immediate, 8, 1 << 20);
    for (int i = 0; i < 100; i++) {
      column.put(key(i), new byte[] {(byte) i});
    }
    assertThat(counting.writes).isBetween(90, 99);
    for (int i = 0; i < 100; i++) {
      assertThat(column.get(key(i))).containsExactly((byte) i);
    }
  }

  private static Map<String, String> scan(KvColumn column, byte[] prefix) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        entries.put(Arrays.toString(cursor.key()), Arrays.toString(cursor.value()));
      }
    }
    return entries;
  }

  private static Map<String, String> entries(TreeMap<byte[], byte[]> model, byte[] prefix) {
    Map<String, String> entries = new TreeMap<>();
    model.forEach((k, v) -> {
      if (k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
        entries.put(Arrays.toString(k), Arrays.toString(v));
      }
    });
    return entries;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
