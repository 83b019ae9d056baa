package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.manifest.VersionSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Closing a store while a compaction runs cancels the compaction instead of waiting for it (a
 * failed task's restart waited behind one): the close returns although the compaction is held
 * mid-way, the compaction's partial outputs are gone, and the store reopens with every write.
 */
class CloseTest {
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void closeDuringACompactionCancelsItAndLeavesAConsistentStore(boolean flushFirst) throws Exception {
    MemoryFileSystem memory = new MemoryFileSystem();
    CompactionGate gate = new CompactionGate(memory);
    // four small level-0 files reach the file limit, max(4, 8 / 2), and are compacted
    Options options = Options.builder().writeBufferSize(64 << 10).level0CompactionTrigger(4).level0SlowdownTrigger(8).build();
    Db db = Db.open(options, gate, "db");
    for (int file = 0; file < 4; file++) {
      for (int i = 0; i < 500; i++) {
        db.put(key(i), b("v" + file + "-" + i));
      }
      db.flush(); // the fourth level-0 file starts a compaction, held at the gate
    }
    gate.awaitCompaction();

    AtomicReference<Throwable> closeFailure = new AtomicReference<>();
    Thread closer = new Thread(() -> {
      try {
        if (flushFirst) {
          db.close();
        } else {
          db.closeWithoutFlush();
        }
      } catch (Throwable t) {
        closeFailure.set(t);
      }
    });
    closer.start();
    while (closer.getState() != Thread.State.TIMED_WAITING && closer.isAlive()) {
      Thread.onSpinWait(); // the closer now waits for the compaction thread, the store is closing
    }
    gate.open();
    closer.join();
    assertThat(closeFailure.get()).isNull();

    String manifest = null;
    for (String name : memory.list("db")) {
      if (name.startsWith(VersionSet.MANIFEST_PREFIX)) {
        manifest = "db/" + name;
      }
    }
    Set<String> listed = new HashSet<>();
    int level0 = 0;
    for (VersionEdit.LevelFile f : Manifest.read(memory, manifest).files()) {
      listed.add(f.file().path());
      level0 += f.level() == 0 ? 1 : 0;
    }
    assertThat(level0).as("the compaction was cancelled, not finished").isEqualTo(4);
    for (String name : memory.list("db")) {
      if (name.endsWith(".sst")) {
        assertThat(listed).as("no partial compaction output is left").contains("db/" + name);
      }
    }
    try (Db reopened = Db.open(options, memory, "db")) {
      for (int i = 0; i < 500; i++) {
        assertThat(s(reopened.get(key(i)))).isEqualTo("v3-" + i);
      }
    }
  }
}
