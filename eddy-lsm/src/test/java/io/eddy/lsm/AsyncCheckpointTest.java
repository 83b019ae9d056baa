package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FaultInjectingFileSystem;
import io.eddy.fs.FaultRule;
import io.eddy.fs.FileSystem;
import io.eddy.fs.MemoryFileSystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints in two parts: {@link Db#beginCheckpoint} only switches the memtable (no I/O, no
 * wait), {@link PendingCheckpoint#complete} flushes and writes the manifest later, while writes
 * go on. A completed checkpoint restores exactly the writes before its synchronous part.
 */
class AsyncCheckpointTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();

  private static TreeMap<String, String> contents(Db db) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    try (DbIterator it = db.iterator()) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        out.put(s(it.key()), s(it.value()));
      }
    }
    return out;
  }

  private record Begun(PendingCheckpoint checkpoint, TreeMap<String, String> expected) {}

  @Test
  void checkpointsTakenWhileWritesGoOnRestoreExactlyTheWritesBeforeTheirSynchronousPart() throws IOException {
    Random random = new Random(42);
    TreeMap<String, String> model = new TreeMap<>();
    List<Begun> begun = new ArrayList<>();
    List<Begun> completed = new ArrayList<>();
    int released = 0;
    try (Db db = Db.open(TestKeys.tiny().build(), fs, "db")) {
      for (int op = 0; op < 20_000; op++) {
        int k = random.nextInt(400);
        if (random.nextInt(5) == 0) {
          db.delete(key(k));
          model.remove(s(key(k)));
        } else {
          String v = "v" + op;
          db.put(key(k), b(v));
          model.put(s(key(k)), v);
        }
        if (random.nextInt(500) == 0) {
          begun.add(new Begun(db.beginCheckpoint(), new TreeMap<>(model)));
        }
        if (!begun.isEmpty() && random.nextInt(300) == 0) {
          Begun b = begun.remove(random.nextInt(begun.size()));
          if (random.nextInt(4) == 0) {
            db.release(b.checkpoint());
            assertThatThrownBy(b.checkpoint()::complete).isInstanceOf(IOException.class);
            released++;
          } else {
            b.checkpoint().complete();
            completed.add(b);
          }
        }
      }
      for (Begun b : begun) {
        b.checkpoint().complete();
        completed.add(b);
      }
      assertThat(contents(db)).isEqualTo(model);
      assertThat(db.retainedCheckpoints()).hasSize(completed.size());
    }
    assertThat(completed).hasSizeGreaterThan(10);
    assertThat(released).isPositive();
    int n = 0;
    for (Begun b : completed) {
      try (Db restored = Db.openFromCheckpoint(TestKeys.tiny().build(), fs, b.checkpoint().manifestPath(), "restored-" + n++,
          KeyRange.ALL)) {
        assertThat(contents(restored)).as(b.checkpoint().toString()).isEqualTo(b.expected());
      }
    }
  }

  @Test
  void theSynchronousPartDoesNoIoAndAFailedFlushFailsTheAsynchronousPart() throws IOException {
    FaultInjectingFileSystem faulty = new FaultInjectingFileSystem(fs, 1);
    Db db = Db.open(Options.builder().build(), faulty, "db");
    for (int i = 0; i < 1000; i++) {
      db.put(key(i), b("v" + i));
    }
    for (FaultRule.Op op : FaultRule.Op.values()) {
      faulty.add(FaultRule.fail(op, ""));
    }

    PendingCheckpoint checkpoint = db.beginCheckpoint(); // would throw on any FileSystem call

    assertThatThrownBy(checkpoint::complete).isInstanceOf(IOException.class).hasMessageContaining("flush failed");
    faulty.clear();
    db.closeWithoutFlush();
  }

  @Test
  void aRunningCompactionDoesNotHoldUpACheckpoint() throws Exception {
    CompactionGate gate = new CompactionGate(fs);
    // four small level-0 files reach the file limit, max(4, 8 / 2), and are compacted
    Options options = Options.builder().writeBufferSize(64 << 10).level0CompactionTrigger(4).level0SlowdownTrigger(8).build();
    TreeMap<String, String> model = new TreeMap<>();
    try (Db db = Db.open(options, gate, "db")) {
      for (int file = 0; file < 4; file++) {
        for (int i = 0; i < 500; i++) {
          db.put(key(i + file * 100), b("v" + file));
          model.put(s(key(i + file * 100)), "v" + file);
        }
        db.flush();
      }
      gate.awaitCompaction();
      db.put(key(9999), b("after"));
      model.put(s(key(9999)), "after");

      CheckpointHandle checkpoint = db.beginCheckpoint().complete(); // returns while the compaction is held

      gate.open();
      try (Db restored = Db.openFromCheckpoint(options, fs, checkpoint.manifestPath(), "restored", KeyRange.ALL)) {
        assertThat(contents(restored)).isEqualTo(model);
      }
    }
  }

  @Test
  void closingWithoutAFlushFailsACheckpointWhoseManifestIsNotWritten() throws IOException {
    Db db = Db.open(Options.builder().build(), fs, "db");
    db.put(key(1), b("one"));
    PendingCheckpoint checkpoint = db.beginCheckpoint();
    db.closeWithoutFlush();

    assertThatThrownBy(checkpoint::complete).isInstanceOf(IOException.class);
    assertThat(fs.list("db")).noneMatch(name -> name.startsWith("CHECKPOINT-"));
  }

  @Test
  void aCheckpointBegunBeforeACloseWithAFlushCompletesAfterIt() throws IOException {
    FileSystem files = fs;
    Db db = Db.open(Options.builder().build(), files, "db");
    db.put(key(1), b("one"));
    PendingCheckpoint checkpoint = db.beginCheckpoint();
    db.put(key(1), b("two"));
    db.close();

    CheckpointHandle handle = checkpoint.complete();
    try (Db restored = Db.openFromCheckpoint(Options.builder().build(), files, handle.manifestPath(), "restored", KeyRange.ALL)) {
      assertThat(s(restored.get(key(1)))).isEqualTo("one");
    }
  }
}
