package io.eddy.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints every second flush the memtable long before it is full; the bytes compaction
 * rewrites must not grow with how often that happens. Deterministic: one writer, a flush every
 * {@code flushBytes} of writes, and {@link Db#waitForCompact()} after each, so the tree and its
 * counters are the same on every run. The store is the default one scaled down 2048 times
 * (write buffer 32 KiB, level 1 of 128 KiB, files of 32 KiB) holding about 1.3 MiB of uniform keys. The old policy (level 0 compacted at four files of any
 * size) gave 13.8 against 7.0 with a bigger workload.
 */
class WriteAmplificationTest {
  private static final int WRITE_BUFFER = 32 << 10;
  private static final int KEYS = 12_000;
  private static final int VALUE = 100;
  private static final long WRITTEN = 4L << 20;

  /** The counters after writing {@link #WRITTEN} value bytes, flushing whenever the memtable holds {@code flushBytes}. */
  private static DbStats writeFlushingEvery(long flushBytes) throws Exception {
    Options options = Options.builder().writeBufferSize(WRITE_BUFFER).maxBytesForLevelBase(4 * WRITE_BUFFER)
        .targetFileSize(WRITE_BUFFER).blockCacheSize(1 << 20).build();
    try (Db db = Db.open(options, new MemoryFileSystem(), "db")) {
      Random random = new Random(42);
      byte[] value = new byte[VALUE];
      for (long written = 0; written < WRITTEN; written += VALUE) {
        random.nextBytes(value);
        db.put(TestKeys.key(random.nextInt(KEYS)), value);
        if (written % (8 * VALUE) == 0 && db.stats().memtableBytes() >= flushBytes) {
          db.flush();
          db.waitForCompact();
        }
      }
      db.flush();
      db.waitForCompact();
      return db.stats();
    }
  }

  @Test
  void checkpointSizedFlushesCostAboutWhatMemtableSizedOnesDo() throws Exception {
    DbStats full = writeFlushingEvery(WRITE_BUFFER - 1024);
    DbStats fifth = writeFlushingEvery(WRITE_BUFFER / 5);

    assertThat(fifth.flushes()).as("flushes").isGreaterThan(4 * full.flushes());
    assertThat(fifth.levelFiles()[0]).as("level-0 files left waiting").isLessThan(10);
    assertThat(fifth.writeAmplification()).as("write amplification with flushes of a fifth of the write buffer, against %s "
        + "with memtable-sized flushes (%s; %s)", full.writeAmplification(), full, fifth)
        .isLessThan(1.2 * full.writeAmplification());
  }

  /**
   * Flushes of more than half the write buffer (checkpoints at a high ingest rate) are not full
   * memtables either: a file counts by its share of a full memtable's file, so level 0 goes to
   * level 1 after as much data as with memtable-sized flushes (counted whole, such files made
   * every L0->L1 compaction rewrite level 1 for 60% of the data).
   */
  @Test
  void flushesOfMoreThanHalfTheWriteBufferCountByTheirSize() throws Exception {
    DbStats full = writeFlushingEvery(WRITE_BUFFER - 1024);
    DbStats sixTenths = writeFlushingEvery(WRITE_BUFFER * 6 / 10);

    assertThat(sixTenths.compactions()).as("compactions with flushes of 60%% of the write buffer, against %s with "
        + "memtable-sized flushes (%s; %s)", full.compactions(), full, sixTenths)
        .isLessThan((long) (1.1 * full.compactions()));
    assertThat(sixTenths.writeAmplification()).as("write amplification, against %s with memtable-sized flushes",
        full.writeAmplification()).isLessThan(1.1 * full.writeAmplification());
  }
}
