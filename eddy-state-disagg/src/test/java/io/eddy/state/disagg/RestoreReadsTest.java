package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Options;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What a restore reads from the primary copy does not grow with the state: only the checkpoint
 * manifests, and nothing in the background afterwards (a restored tree used to start compacting
 * its level-0 files at open, reading the whole state while the job was recovering).
 */
class RestoreReadsTest {
  private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

  /** The bytes a restore read, read in the background in the 300 ms after it, and read by a scan of a column never written. */
  private record Reads(long restore, long afterwards, long emptyScan) {}

  private static Reads restoreAfterWriting(int megabytes) throws Exception {
    MemoryFileSystem fs = new MemoryFileSystem();
    long eighth = (megabytes << 20) / 8; // eight level-0 files whatever the size, none compacted
    DisaggregatedKvStore writer = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/old").withLsmOptions(Options.builder()
        .writeBufferSize(eighth).level0CompactionTrigger(100).level0SlowdownTrigger(100).level0StopTrigger(100).build()));
    KvColumn column = writer.column("c", ColumnOptions.PLAIN);
    writer.column("timers", ColumnOptions.PLAIN); // opened, never written
    Random random = new Random(megabytes);
    int keys = (megabytes << 20) / 1000;
    byte[] value = new byte[1000];
    for (int i = 0; i < keys; i++) {
      random.nextBytes(value);
      column.put(key(i % 128, "k" + i), value);
    }
    KeyedStateHandle handle = new KeyedStateHandle(ALL, writer.snapshot(1, ALL).persist().handle());
    writer.notifyCheckpointComplete(1);

    // default triggers: a compaction at open would merge the eight level-0 files
    DisaggregatedKvStore restored = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/new")
        .withLsmOptions(Options.builder().writeBufferSize(1 << 20).build()));
    restored.restore(List.of(handle), ALL);
    long restore = restored.bytesReadByRestore();
    Thread.sleep(300);
    long afterwards = restored.bytesRead() - restore;
    try (KvCursor timers = restored.column("timers", ColumnOptions.PLAIN).scan(new byte[0])) {
      assertThat(timers.next()).isFalse();
    }
    long emptyScan = restored.bytesRead() - restore - afterwards;
    assertThat(restored.column("c", ColumnOptions.PLAIN).get(key(7, "k7"))).hasSize(1000);
    restored.close();
    writer.close();
    return new Reads(restore, afterwards, emptyScan);
  }

  @Test
  void aRestoreReadsTheManifestsOnlyWhateverTheStateSize() throws Exception {
    Reads small = restoreAfterWriting(4);
    Reads large = restoreAfterWriting(16);

    assertThat(small.afterwards()).as("bytes read in the background after restoring 4 MiB").isZero();
    assertThat(large.afterwards()).as("bytes read in the background after restoring 16 MiB").isZero();
    assertThat(small.emptyScan()).as("bytes read by scanning a column never written, 4 MiB").isZero();
    assertThat(large.emptyScan()).as("bytes read by scanning a column never written, 16 MiB").isZero();
    assertThat(small.restore()).isPositive().isLessThan(16 << 10);
    assertThat(large.restore()).as("restore reads of 16 MiB against 4 MiB (%d bytes)", small.restore())
        .isLessThan(2 * small.restore());
  }
}
