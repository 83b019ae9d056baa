package io.eddy.state.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * CachingKvColumn against a model map: random gets, puts, deletes and appends, directly and
 * through a write batch that applies only on commit, over more keys than the cache holds and
 * with values too large to cache. Every read must see what the model holds.
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

  @Test
  void readsWhatTheModelHolds() throws IOException {
    SortedMapKvStore store = new SortedMapKvStore();
    KvColumn stored = store.column("s", new ColumnOptions(true, 0));
    CachingKvColumn column = new CachingKvColumn(stored);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    Random random = new Random(42);
    CachingWriteBatch batch = new CachingWriteBatch(new DeferredBatch());
    TreeMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);
    for (int step = 0; step < 200_000; step++) {
      int keys = step < 100_000 ? 64 : CachingKvColumn.MAX_ENTRIES * 2;
      byte[] key = key(random.nextInt(keys));
      byte[] value = new byte[random.nextInt(20) == 0 ? CachingKvColumn.MAX_VALUE_BYTES + 1 : random.nextInt(8)];
      random.nextBytes(value);
      switch (random.nextInt(9)) {
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
        case 6 -> {
          column.append(key, value);
          model.merge(key, value.clone(), CachingKvColumnTest::concat);
        }
        case 7 -> {
          if (random.nextBoolean()) {
            batch.put(column, key, value);
            pending.put(key, value);
          } else {
            batch.delete(column, key);
            pending.put(key, null);
          }
        }
        default -> {
          batch.commit();
          pending.forEach((k, v) -> {
            if (v == null) {
              model.remove(k);
            } else {
              model.put(k, v);
            }
          });
          pending.clear();
        }
      }
    }
    byte[] last = key(1);
    byte[] read = column.get(last);
    if (read != null && read.length > 0) {
      read[0] ^= 1; // the caller owns what it read
      assertThat(column.get(last)).isEqualTo(model.get(last));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
