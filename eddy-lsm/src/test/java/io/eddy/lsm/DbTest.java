package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.plugin.Int64AddOperator;
import io.eddy.lsm.plugin.ListAppendOperator;
import io.eddy.lsm.sst.Compression;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();

  private static List<String> keys(DbIterator it) throws IOException {
    List<String> out = new ArrayList<>();
    for (; it.valid(); it.next()) {
      out.add(s(it.key()) + "=" + s(it.value()));
    }
    return out;
  }

  @Test
  void putGetDeleteAcrossFlushAndReopen() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "db")) {
      for (int i = 0; i < 2000; i++) {
        db.put(key(i), b("v" + i));
      }
      for (int i = 0; i < 2000; i += 3) {
        db.delete(key(i));
      }
      assertThat(s(db.get(key(1)))).isEqualTo("v1");
      assertThat(db.get(key(3))).isNull();
      db.flush();
      assertThat(db.stats().totalFileBytes()).isPositive();
    }
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "db")) {
      assertThat(s(db.get(key(1999)))).isEqualTo("v1999");
      assertThat(db.get(key(1998))).isNull();
      assertThat(db.count(KeyRange.ALL)).isEqualTo(2000 - 667);
      db.compactRange(KeyRange.ALL);
      assertThat(s(db.get(key(1000)))).isEqualTo("v1000");
      assertThat(db.count(KeyRange.ALL)).isEqualTo(2000 - 667);
    }
  }

  @Test
  void mergeOperatorsAddAndAppend() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().mergeOperator(new Int64AddOperator()).build(), fs, "counters")) {
      for (int i = 0; i < 500; i++) {
        db.merge(key(i % 10), Int64AddOperator.encode(1));
      }
      db.flush();
      db.merge(key(0), Int64AddOperator.encode(100));
      assertThat(Int64AddOperator.decode(db.get(key(0)))).isEqualTo(150);
      db.compactRange(KeyRange.ALL);
      assertThat(Int64AddOperator.decode(db.get(key(3)))).isEqualTo(50);
      db.put(key(3), Int64AddOperator.encode(7));
      db.merge(key(3), Int64AddOperator.encode(1));
      assertThat(Int64AddOperator.decode(db.get(key(3)))).isEqualTo(8);
    }
    assertThatThrownBy(() -> Db.open(Options.builder().mergeOperator(new ListAppendOperator()).build(), fs, "counters"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("eddy.int64add");
  }

  @Test
  void iteratorsWithBoundsPrefixAndSnapshots() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().compression(Compression.LZ4).build(), fs, "it")) {
      db.put(b("a1"), b("1"));
      db.put(b("a2"), b("2"));
      db.put(b("b1"), b("3"));
      Snapshot snap = db.snapshot();
      db.delete(b("a1"));
      db.put(b("a3"), b("4"));
      db.flush();
      try (DbIterator it = db.iterator(ReadOptions.prefix(b("a")))) {
        it.seekToFirst();
        assertThat(keys(it)).containsExactly("a2=2", "a3=4");
      }
      try (DbIterator it = db.iterator(ReadOptions.prefix(b("a")).withSnapshot(snap))) {
        it.seekToFirst();
        assertThat(keys(it)).containsExactly("a1=1", "a2=2");
      }
      try (DbIterator it = db.iterator(new ReadOptions(null, b("a2"), b("b1")))) {
        it.seek(b("a0"));
        assertThat(keys(it)).containsExactly("a2=2", "a3=4");
      }
      db.compactRange(KeyRange.ALL);
      assertThat(s(db.get(ReadOptions.at(snap), b("a1")))).isEqualTo("1");
      assertThat(db.get(b("a1"))).isNull();
      snap.close();
      assertThatThrownBy(() -> db.get(ReadOptions.at(snap), b("a1"))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void writeBatchIsAtomicAndMultiGetIsConsistent() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "batch")) {
      WriteBatch batch = new WriteBatch();
      List<byte[]> ks = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        batch.put(key(i), b("x" + i));
        ks.add(key(i));
      }
      ks.add(b("missing"));
      db.write(batch);
      List<byte[]> got = db.multiGet(ks);
      for (int i = 0; i < 300; i++) {
        assertThat(s(got.get(i))).isEqualTo("x" + i);
      }
      assertThat(got.get(300)).isNull();
      assertThat(db.deleteRange(new KeyRange(key(100), key(200)))).isEqualTo(100);
      assertThat(db.count(KeyRange.ALL)).isEqualTo(200);
      assertThat(db.count(new KeyRange(key(50), key(250)))).isEqualTo(100);
    }
  }

  @Test
  void cachedOnlyReadsAnswerFromMemoryAndCachedBlocksAndLeaveTheRestUnanswered() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "cold")) {
      for (int i = 0; i < 300; i++) {
        db.put(key(i), b("x" + i));
      }
      db.flush();
      db.waitForCompact(); // close cancels a running compaction; reopening would run it again
    }
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "cold")) { // tables not open, block cache empty
      db.put(key(7), b("fresh"));
      List<byte[]> keys = List.of(key(0), key(7), key(150));
      java.util.BitSet answered = new java.util.BitSet();
      List<byte[]> got = db.multiGetCached(keys, answered);
      assertThat(answered.get(0)).isFalse(); // would open a table and read a block
      assertThat(answered.get(1)).isTrue(); // in the memtable
      assertThat(s(got.get(1))).isEqualTo("fresh");
      assertThat(answered.get(2)).isFalse();

      assertThat(s(db.get(key(0)))).isEqualTo("x0"); // opens the table, caches the block
      answered.clear();
      got = db.multiGetCached(keys, answered);
      assertThat(answered.get(0)).isTrue();
      assertThat(s(got.get(0))).isEqualTo("x0");
      for (int i = 0; i < keys.size(); i++) {
        if (answered.get(i)) {
          assertThat(got.get(i)).isEqualTo(db.get(keys.get(i)));
        }
      }
    }
  }

  @Test
  void checkpointIsZeroCopyAndReleaseDeletesFiles() throws IOException {
    CheckpointHandle cp;
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "live")) {
      for (int i = 0; i < 1000; i++) {
        db.put(key(i), b("old" + i));
      }
      cp = db.checkpoint();
      assertThat(cp.fileCount()).isPositive();
      long before = fs.totalBytes();
      for (int i = 0; i < 1000; i++) {
        db.put(key(i), b("new" + i));
      }
      db.compactRange(KeyRange.ALL);
      assertThat(fs.list("live")).contains(io.eddy.fs.FsPaths.name(cp.manifestPath()));
      try (Db restored = Db.openFromCheckpoint(Options.defaults(), fs, cp.manifestPath(), "restored", KeyRange.ALL)) {
        assertThat(s(restored.get(key(5)))).isEqualTo("old5");
        assertThat(restored.count(KeyRange.ALL)).isEqualTo(1000);
      }
      try (Db part = Db.openFromCheckpoint(Options.defaults(), fs, cp.manifestPath(), "part", new KeyRange(key(100), key(200)))) {
        assertThat(part.count(KeyRange.ALL)).isEqualTo(100);
        assertThat(part.get(key(5))).isNull();
        assertThat(s(part.get(key(150)))).isEqualTo("old150");
        part.put(key(150), b("p"));
        part.compactRange(KeyRange.ALL);
        assertThat(part.count(KeyRange.ALL)).isEqualTo(100);
      }
      assertThat(before).isPositive();
      long sstBefore = fs.list("live").stream().filter(n -> n.endsWith(".sst")).count();
      db.release(cp);
      long sstAfter = fs.list("live").stream().filter(n -> n.endsWith(".sst")).count();
      assertThat(sstAfter).isLessThan(sstBefore);
      assertThat(s(db.get(key(5)))).isEqualTo("new5");
    }
  }

  @Test
  void retainedCheckpointsSurviveReopen() throws IOException {
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "keep")) {
      for (int i = 0; i < 500; i++) {
        db.put(key(i), b("v"));
      }
      db.checkpoint();
      for (int i = 0; i < 500; i++) {
        db.delete(key(i));
      }
      db.compactRange(KeyRange.ALL);
    }
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "keep")) {
      assertThat(db.count(KeyRange.ALL)).isZero();
      assertThat(db.retainedCheckpoints()).hasSize(1);
      try (Db old = Db.openFromCheckpoint(Options.defaults(), fs, db.retainedCheckpoints().get(0), "keep-restored", KeyRange.ALL)) {
        assertThat(old.count(KeyRange.ALL)).isEqualTo(500);
      }
    }
  }

  @Test
  void concurrentWritersAndReaders() throws Exception {
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "mt")) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        threads.add(new Thread(() -> {
          try {
            for (int i = 0; i < 1500; i++) {
              db.put(b("t" + id + "-" + i), b("v" + i));
              if (i % 50 == 0) {
                assertThat(s(db.get(b("t" + id + "-" + i)))).isEqualTo("v" + i);
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
      assertThat(errors).isEmpty();
      assertThat(db.count(KeyRange.ALL)).isEqualTo(6000);
    }
  }
}
