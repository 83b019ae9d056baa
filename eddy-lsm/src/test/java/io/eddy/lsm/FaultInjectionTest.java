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
import org.junit.jupiter.api.Test;

/** Storage failures surface as errors and never corrupt what is on the FileSystem. */
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

  @Test
  void randomFaultsNeverCorruptCheckpoints() throws IOException {
    Random rnd = new Random(5);
    TreeMap<Integer, String> model = new TreeMap<>();
    TreeMap<Integer, String> lastCheckpointModel = null;
    CheckpointHandle lastCheckpoint = null;
    Db db = Db.open(TestKeys.tiny().build(), fs, "rf");
    fs.add(FaultRule.failRandomly(FaultRule.Op.WRITE, "", 0.01));
    fs.add(FaultRule.failRandomly(FaultRule.Op.READ, "", 0.01));
    fs.add(FaultRule.failRandomly(FaultRule.Op.PUBLISH, "", 0.02));
    int errors = 0;
    for (int i = 0; i < 3000 && errors < 20; i++) {
      int k = rnd.nextInt(200);
      try {
        if (i % 300 == 299) {
          CheckpointHandle cp = db.checkpoint();
          lastCheckpoint = cp;
          lastCheckpointModel = new TreeMap<>(model);
        } else {
          db.put(key(k), b("v" + i));
          model.put(k, "v" + i);
        }
      } catch (IOException e) {
        errors++;
        break;
      }
    }
    db.close();
    fs.clear();
    assertThat(fs.injectedCount()).isPositive();
    if (lastCheckpoint != null) {
      try (Db restored = Db.openFromCheckpoint(Options.defaults(), fs, lastCheckpoint.manifestPath(), "restored", KeyRange.ALL)) {
        TreeMap<Integer, String> got = new TreeMap<>();
        try (DbIterator it = restored.iterator()) {
          for (it.seekToFirst(); it.valid(); it.next()) {
            got.put(Integer.parseInt(s(it.key()).substring(3)), s(it.value()));
          }
        }
        assertThat(got).isEqualTo(lastCheckpointModel);
      }
    }
  }
}
