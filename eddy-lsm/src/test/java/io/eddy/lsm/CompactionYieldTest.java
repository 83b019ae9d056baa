package io.eddy.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A running compaction pauses between keys while a memtable waits for its flush (a checkpoint
 * waits for that flush), and resumes once the flush is installed; the data stays whole.
 */
class CompactionYieldTest {
  private static boolean compactionYields() {
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      if (e.getKey().getName().equals("eddy-lsm-compaction")) {
        for (StackTraceElement frame : e.getValue()) {
          if (frame.getMethodName().equals("yieldToFlushes")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void aRunningCompactionWritesNothingWhileAMemtableWaitsForItsFlush() throws Exception {
    CompactionGate compactionGate = new CompactionGate(new MemoryFileSystem());
    FlushGate flushGate = new FlushGate(compactionGate);
    Options options = Options.builder().writeBufferSize(4 << 10).level0CompactionTrigger(2).build();
    TreeMap<Integer, String> model = new TreeMap<>();
    try (Db db = Db.open(options, flushGate, "db")) {
      int i = 0;
      for (; i < 120; i++) { // about five memtables: a compaction starts and is held at its first read
        put(db, model, i % 100, "a" + i);
      }
      compactionGate.awaitCompaction();
      db.flush();
      flushGate.shut();
      for (; i < 130; i++) {
        put(db, model, i % 100, "b" + i);
      }
      PendingCheckpoint checkpoint = db.beginCheckpoint(); // its memtable's flush is held at the flush gate
      assertThat(flushGate.blocked.await(60, TimeUnit.SECONDS)).as("flush held").isTrue();
      int before = flushGate.creators().size();

      compactionGate.open();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!compactionYields() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(compactionYields()).as("the compaction waits for the flush").isTrue();
      assertThat(flushGate.creators().subList(before, flushGate.creators().size())).as("SSTs created meanwhile").isEmpty();

      flushGate.opened.countDown();
      checkpoint.complete();
      db.waitForCompact();
      List<String> after = flushGate.creators().subList(before, flushGate.creators().size());
      assertThat(after).as("the flush's file comes first").startsWith("eddy-lsm-flush").contains("eddy-lsm-compaction");
      for (Map.Entry<Integer, String> e : model.entrySet()) {
        assertThat(new String(db.get(TestKeys.key(e.getKey())), StandardCharsets.UTF_8)).isEqualTo(e.getValue());
      }
      db.release(checkpoint);
    }
  }

  private static void put(Db db, TreeMap<Integer, String> model, int key, String value) throws IOException {
    db.put(TestKeys.key(key), (value + "-".repeat(90)).getBytes(StandardCharsets.UTF_8));
    model.put(key, value + "-".repeat(90));
  }
}
