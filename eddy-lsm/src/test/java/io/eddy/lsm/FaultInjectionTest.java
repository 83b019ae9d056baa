package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.util.CorruptionException;
import java.io.IOException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Storage failures surface as errors and never corrupt what is on the FileSystem. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FaultInjectionTest {
  private final MemoryFileSystem mem = new MemoryFileSystem();
  private final FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 11);

  @Test
  void failedFlushMakesStoreReadOnlyAndReopenIsConsistent() throws IOException {
    Db db = Db.open(TestKeys.tiny().disableAutoCompaction(true).build(), fs, "db");
    for (int i = 0; i < 100; i++) {
      db.put(key(i), b("a"));
    }
    CheckpointHandle cp = db.checkpoint();
    fs.add(FaultRule.failTimes(FaultRule.Op.WRITE, "\\.sst$", 1));
    db.put(key(500), b("lost"));
    assertThatThrownBy(db::flush).isInstanceOf(IOException.class).hasMessageContaining("injected");
    assertThatThrownBy(() -> db.put(key(501), b("x"))).isInstanceOf(IOException.class).hasMessageContaining("read-only");
    assertThat(s(db.get(key(500)))).isEqualTo("lost");
    db.close();
    fs.clear();
    try (Db reopened = Db.open(TestKeys.tiny().build(), fs, "db")) {
      assertThat(reopened.count(KeyRange.ALL)).isEqualTo(100);
      assertThat(reopened.retainedCheckpoints()).containsExactly(cp.manifestPath());
      reopened.put(key(500), b("again"));
      reopened.flush();
      assertThat(s(reopened.get(key(500)))).isEqualTo("again");
    }
  }

  @Test
  void failedAndCorruptReadsSurfaceAndLeaveNoBadCacheEntries() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().blockCacheSize(1 << 20).build(), fs, "r")) {
      for (int i = 0; i < 300; i++) {
        db.put(key(i), b("v" + i));
      }
      db.compactRange(KeyRange.ALL);
      fs.add(FaultRule.fail(FaultRule.Op.READ, "\\.sst$"));
      assertThatThrownBy(() -> db.get(key(7))).isInstanceOf(IOException.class).hasMessageContaining(".sst");
      fs.clear();
      fs.add(FaultRule.flipByte("\\.sst$", 1));
      assertThatThrownBy(() -> db.get(key(8))).isInstanceOf(CorruptionException.class).hasMessageContaining(".sst");
      fs.clear();
      for (int i = 0; i < 300; i++) {
        assertThat(s(db.get(key(i)))).isEqualTo("v" + i);
      }
    }
  }

  @Test
  void failedCompactionChangesNothingAndIsRetried() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().disableAutoCompaction(true).build(), fs, "c")) {
      for (int i = 0; i < 400; i++) {
        db.put(key(i), b("v" + i));
      }
      db.flush();
      fs.add(FaultRule.failTimes(FaultRule.Op.PUBLISH, "MANIFEST", 1));
      assertThatThrownBy(() -> db.compactRange(KeyRange.ALL)).isInstanceOf(IOException.class);
      for (int i = 0; i < 400; i++) {
        assertThat(s(db.get(key(i)))).isEqualTo("v" + i);
      }
      db.compactRange(KeyRange.ALL);
      assertThat(db.count(KeyRange.ALL)).isEqualTo(400);
    }
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "c")) {
      assertThat(db.count(KeyRange.ALL)).isEqualTo(400);
    }
  }

  /**
   * Random write, read and publish faults; after every one the store is restored from its last
   * completed checkpoint, as a job restarts, and the restore must hold exactly that
   * checkpoint's model; the run continues from the restored store.
   */
  @Test
  void afterEveryFaultTheLastCheckpointRestoresExactly() throws IOException {
    Random rnd = new Random(5);
    TreeMap<Integer, String> model = new TreeMap<>();
    Db db = Db.open(TestKeys.tiny().build(), fs, "rf-0");
    CheckpointHandle checkpoint = db.checkpoint();
    TreeMap<Integer, String> checkpointModel = new TreeMap<>();
    int restores = 0;
    armRandomFaults();
    for (int i = 0; i < 20_000 && restores < 8; i++) {
      try {
        if (i % 100 == 99) {
          CheckpointHandle cp = db.checkpoint();
          checkpoint = cp;
          checkpointModel = new TreeMap<>(model);
        } else {
          int k = rnd.nextInt(200);
          db.put(key(k), b("v" + i));
          model.put(k, "v" + i);
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        fs.clear();
        try {
          db.close();
        } catch (IOException ignored) {
          // the failed store may not close cleanly; its checkpoint must not care
        }
        restores++;
        db = Db.openFromCheckpoint(TestKeys.tiny().build(), fs, checkpoint.manifestPath(), "rf-" + restores,
            KeyRange.ALL);
        assertThat(contents(db)).as("restore %d from %s after: %s", restores, checkpoint.manifestPath(),
            e.getMessage()).isEqualTo(checkpointModel);
        model = new TreeMap<>(checkpointModel);
        armRandomFaults();
      }
    }
    fs.clear();
    assertThat(contents(db)).isEqualTo(model);
    db.close();
    assertThat(restores).as("faults that forced a restore").isGreaterThanOrEqualTo(3);
  }

  private void armRandomFaults() {
    fs.clear();
    fs.add(FaultRule.failRandomly(FaultRule.Op.WRITE, "", 0.01));
    fs.add(FaultRule.failRandomly(FaultRule.Op.READ, "", 0.01));
    fs.add(FaultRule.failRandomly(FaultRule.Op.PUBLISH, "", 0.02));
  }

  private static TreeMap<Integer, String> contents(Db db) throws IOException {
    TreeMap<Integer, String> got = new TreeMap<>();
    try (DbIterator it = db.iterator()) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        got.put(Integer.parseInt(s(it.key()).substring(3)), s(it.value()));
      }
    }
    return got;
  }
}
