package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.cache.LocalFileCache;
import io.eddy.lsm.plugin.Int64AddOperator;
import io.eddy.lsm.plugin.TtlCompactionFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryAndCacheTest {
  @TempDir Path local;
  private final MemoryFileSystem mem = new MemoryFileSystem();
  private final FaultInjectingFileSystem fs = new FaultInjectingFileSystem(mem, 1);

  @Test
  void openingFromACheckpointReadsOnlyItsManifestAndDataComesThroughTheCaches() throws IOException {
    CheckpointHandle cp;
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "src")) {
      for (int i = 0; i < 3000; i++) {
        db.put(key(i), b("v" + i));
      }
      cp = db.checkpoint();
    }
    fs.add(FaultRule.fail(FaultRule.Op.OPEN, "\\.sst$"));
    fs.add(FaultRule.fail(FaultRule.Op.READ, "\\.sst$"));
    LocalFileCache fileCache = new LocalFileCache(local, 64 << 20, 4096, false);
    Options options = Options.builder().blockCacheSize(1 << 20).fileCache(fileCache).build();
    try (Db restored = Db.openFromCheckpoint(options, fs, cp.manifestPath(), "dst", KeyRange.ALL)) {
      fs.clear();
      assertThat(s(restored.get(key(1234)))).isEqualTo("v1234");
      assertThat(restored.stats().fileCache().misses()).isPositive();
      assertThat(restored.stats().blockCache().misses()).isPositive();
      for (int i = 0; i < 3000; i++) {
        restored.get(key(i));
      }
      fs.add(FaultRule.fail(FaultRule.Op.READ, "\\.sst$"));
      for (int i = 0; i < 3000; i += 7) {
        assertThat(s(restored.get(key(i)))).isEqualTo("v" + i);
      }
      assertThat(restored.stats().blockCache().hits()).isPositive();
      assertThat(restored.stats().fileCache().hits()).isPositive();
      fs.clear();
    }
  }

  @Test
  void ttlFilterDropsExpiredValuesInCompactionButNotUnderSnapshots() throws IOException {
    AtomicLong now = new AtomicLong(1_000_000);
    Options options = TestKeys.tiny().compactionFilter(new TtlCompactionFilter(1000, now::get)).build();
    try (Db db = Db.open(options, fs, "ttl")) {
      for (int i = 0; i < 100; i++) {
        byte[] v = new byte[12];
        System.arraycopy(Int64AddOperator.encode(now.get() - (i < 50 ? 5000 : 0)), 0, v, 0, 8);
        db.put(key(i), v);
      }
      Snapshot snap = db.snapshot();
      db.compactRange(KeyRange.ALL);
      assertThat(db.count(KeyRange.ALL)).isEqualTo(100);
      snap.close();
      db.compactRange(KeyRange.ALL);
      assertThat(db.count(KeyRange.ALL)).isEqualTo(50);
      assertThat(db.get(key(10))).isNull();
      assertThat(db.get(key(60))).isNotNull();
    }
  }
}
