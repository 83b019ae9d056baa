package io.eddy.lsm;

import static io.eddy.lsm.TestKeys.b;
import static io.eddy.lsm.TestKeys.key;
import static io.eddy.lsm.TestKeys.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import org.junit.jupiter.api.Test;

/**
 * A store opened from a checkpoint starts no compaction at open (a recovering job would wait
 * behind its reads), but starts one as soon as level 0 delays a write, so that writes are not
 * slowed until the first flush.
 */
class RestoredCompactionTest {
  @Test
  void aWriteDelayedByLevel0StartsTheFirstCompactionOfARestoredStore() throws Exception {
    MemoryFileSystem fs = new MemoryFileSystem();
    Options writer = Options.builder().writeBufferSize(64 << 10)
        .level0CompactionTrigger(50).level0SlowdownTrigger(50).level0StopTrigger(50).build();
    CheckpointHandle checkpoint;
    try (Db db = Db.open(writer, fs, "db")) {
      for (int file = 0; file < 6; file++) {
        for (int i = 0; i < 200; i++) {
          db.put(key(i), b("v" + file));
        }
        db.flush();
      }
      checkpoint = db.checkpoint();
    }
    Options reader = Options.builder().writeBufferSize(64 << 10)
        .level0CompactionTrigger(2).level0SlowdownTrigger(4).level0StopTrigger(50).build();
    try (Db restored = Db.openFromCheckpoint(reader, fs, checkpoint.manifestPath(), "restored", KeyRange.ALL)) {
      Thread.sleep(200);
      assertThat(restored.stats().levelFiles()[0]).as("level-0 files after open").isEqualTo(6);

      restored.put(key(1000), b("new"));

      // six small files: merged within level 0 into one (see CompactionPicker)
      for (int wait = 0; wait < 600 && restored.stats().levelFiles()[0] > 1; wait++) {
        Thread.sleep(100);
      }
      assertThat(restored.stats().levelFiles()[0]).as("level-0 files after a delayed write").isEqualTo(1);
      assertThat(s(restored.get(key(7)))).isEqualTo("v5");
      assertThat(s(restored.get(key(1000)))).isEqualTo("new");
    }
  }
}
