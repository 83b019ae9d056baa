package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Options#eagerFlushBytes}: while the flush thread would idle, a memtable is flushed in
 * slices of that size, so that a checkpoint waits only for the last slice; while a flush is
 * pending the memtable grows as before. Checkpoints taken so restore exactly their writes.
 */
class EagerFlushTest {
  private static final int EAGER = 16 << 10;
  private static final String VALUE = "v".repeat(1000);

  private final MemoryFileSystem fs = new MemoryFileSystem();

  /** Without compactions (level 0 holds every flush's file); level 0 counts as backed up at 32 files. */
  private static Options options(long eagerFlushBytes) {
    return Options.builder().writeBufferSize(1 << 20).eagerFlushBytes(eagerFlushBytes).disableAutoCompaction(true)
        .level0SlowdownTrigger(64).level0StopTrigger(64).build();
  }

  /** Writes {@code count} keys from {@code first}, waiting after each until no memtable waits for its flush. */
  private static void writeWithIdleFlushes(Db db, TreeMap<String, String> model, int first, int count) throws Exception {
    for (int i = first; i < first + count; i++) {
      db.put(key(i), b(VALUE + i));
      model.put(s(key(i)), VALUE + i);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (db.stats().immutableMemtables() > 0) {
        assertThat(System.nanoTime()).as("flush done within 60 s").isLessThan(deadline);
        Thread.sleep(1);
      }
    }
  }

  private static void assertContents(Db db, Map<String, String> expected) throws IOException {
    TreeMap<String, String> actual = new TreeMap<>();
    try (DbIterator it = db.iterator()) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        actual.put(s(it.key()), s(it.value()));
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void anIdleFlushThreadTakesTheMemtableInSlicesAndACheckpointWaitsOnlyForTheLast() throws Exception {
    TreeMap<String, String> model = new TreeMap<>();
    try (Db db = Db.open(options(EAGER), fs, "db")) {
      writeWithIdleFlushes(db, model, 0, 300); // about 320 KiB of memtable entries

      DbStats stats = db.stats();
      assertThat(stats.levelFiles()[0]).as("slices flushed").isGreaterThanOrEqualTo(15);
      assertThat(stats.memtableBytes()).as("left for a checkpoint to flush").isLessThan(EAGER + 1100);

      PendingCheckpoint checkpoint = db.beginCheckpoint();
      TreeMap<String, String> atCheckpoint = new TreeMap<>(model);
      writeWithIdleFlushes(db, model, 300, 50);
      CheckpointHandle handle = checkpoint.complete();

      assertContents(db, model);
      try (Db restored = Db.openFromCheckpoint(options(EAGER), fs, handle.manifestPath(), "restored", KeyRange.ALL)) {
        assertContents(restored, atCheckpoint);
      }
      db.release(checkpoint);
    }
  }

  @Test
  void withoutEagerFlushesTheSameWritesStayInTheMemtable() throws Exception {
    TreeMap<String, String> model = new TreeMap<>();
    try (Db db = Db.open(options(0), fs, "db")) {
      writeWithIdleFlushes(db, model, 0, 300);

      assertThat(db.stats().levelFiles()[0]).isZero();
      assertThat(db.stats().memtableBytes()).isGreaterThan(300_000);
      assertContents(db, model);
    }
  }

  @Test
  void aBackedUpLevel0StopsTheSlices() throws Exception {
    TreeMap<String, String> model = new TreeMap<>();
    // level 0 is backed up at max(level0CompactionTrigger 4, level0SlowdownTrigger 8 / 2) = 4 files
    Options options = options(EAGER).toBuilder().level0SlowdownTrigger(8).build();
    try (Db db = Db.open(options, fs, "db")) {
      writeWithIdleFlushes(db, model, 0, 300);

      assertThat(db.stats().levelFiles()[0]).isEqualTo(4);
      assertThat(db.stats().memtableBytes()).isGreaterThan(200_000);
      assertContents(db, model);
    }
  }

  @Test
  void whileAFlushIsPendingTheMemtableGrowsPastTheSlice() throws Exception {
    FlushGate gate = new FlushGate(fs);
    gate.shut();
    TreeMap<String, String> model = new TreeMap<>();
    try (Db db = Db.open(options(EAGER), gate, "db")) {
      int i = 0;
      while (db.stats().immutableMemtables() == 0) { // until the first slice is switched
        assertThat(i).as("a slice was switched").isLessThan(100);
        db.put(key(i), b(VALUE + i));
        model.put(s(key(i)), VALUE + i);
        i++;
      }
      assertThat(gate.blocked.await(60, TimeUnit.SECONDS)).as("its flush is held").isTrue();
      for (int n = 0; n < 100; n++, i++) { // about 107 KiB: more than six slices, less than the write buffer
        db.put(key(i), b(VALUE + i));
        model.put(s(key(i)), VALUE + i);
      }

      DbStats held = db.stats();
      assertThat(held.immutableMemtables()).as("no second slice while the first waits").isEqualTo(1);
      assertThat(held.memtableBytes()).isGreaterThan(100_000 + EAGER);

      gate.opened.countDown();
      db.flush();
      assertContents(db, model);
      assertThat(db.stats().levelFiles()[0]).isEqualTo(2);
    }
  }
}
