package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers racing with a writer, flushes, compactions and checkpoints always see whole
 * batches: every round rewrites all keys in one batch, so any single read (an iterator, a
 * multiGet) must see one round number for every key.
 */
class ConcurrentConsistencyTest {
  private static final int KEYS = 200;

  private static byte[] round(long r) {
    return ByteBuffer.allocate(64).putLong(r).array();
  }

  @Test
  void readsSeeWholeBatchesWhileFilesChangeUnderThem() throws Exception {
    try (Db db = Db.open(TestKeys.tiny().multiGetParallelism(4).build(), new MemoryFileSystem(), "db")) {
      AtomicBoolean done = new AtomicBoolean();
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        keys.add(key(i));
      }
      Thread writer = new Thread(() -> {
        try {
          for (long r = 1; r <= 150; r++) {
            WriteBatch batch = new WriteBatch();
            for (byte[] k : keys) {
              batch.put(k, round(r));
            }
            db.write(batch);
            if (r % 40 == 0) {
              db.release(db.checkpoint());
            }
          }
        } catch (Throwable e) {
          errors.add(e);
        } finally {
          done.set(true);
        }
      });
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        boolean useIterator = t % 2 == 0;
        readers.add(new Thread(() -> {
          try {
            while (!done.get()) {
              Set<Long> rounds = new HashSet<>();
              int seen = 0;
              if (useIterator) {
                try (DbIterator it = db.iterator()) {
                  for (it.seekToFirst(); it.valid(); it.next()) {
                    rounds.add(ByteBuffer.wrap(it.value()).getLong());
                    seen++;
                  }
                }
              } else {
                for (byte[] v : db.multiGet(keys)) {
                  if (v != null) {
                    rounds.add(ByteBuffer.wrap(v).getLong());
                    seen++;
                  }
                }
              }
              assertThat(rounds).hasSizeLessThanOrEqualTo(1);
              assertThat(seen).isIn(0, KEYS);
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }));
      }
      writer.start();
      readers.forEach(Thread::start);
      writer.join();
      for (Thread r : readers) {
        r.join();
      }
      assertThat(errors).isEmpty();
      assertThat(db.stats().flushes()).isGreaterThan(10);
      assertThat(db.stats().compactions() + db.stats().trivialMoves()).isPositive();
    }
  }
}
