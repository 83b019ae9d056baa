package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.bytes;
import static io.eddy.state.disagg.Keys.key;
import static io.eddy.state.disagg.Keys.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.fs.ForwardingFileSystem;
import io.eddy.fs.LocalFileSystem;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Db;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a closed store leaves on the FileSystem: exactly what its kept checkpoints need. */
class CloseCleanupTest {
  private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

  private static DisaggregatedKvStore store(FileSystem fs, String dir) {
    return new DisaggregatedKvStore(StoreConfig.of(fs, dir).withLsmOptions(Options.builder().writeBufferSize(8 << 10).build()));
  }

  private static void write(DisaggregatedKvStore store, String value) throws IOException {
    KvColumn c = store.column("c", ColumnOptions.PLAIN);
    for (int i = 0; i < 1_000; i++) {
      c.put(key(i % 128, "k" + i), bytes(value));
    }
  }

  private static KeyedStateHandle checkpoint(DisaggregatedKvStore store, long id) throws IOException {
    KeyedStateHandle handle = new KeyedStateHandle(ALL, store.snapshot(id, ALL).persist().handle());
    store.notifyCheckpointComplete(id);
    return handle;
  }

  @Test
  void aStoreWithoutCheckpointsLeavesNothing() throws IOException {
    MemoryFileSystem fs = new MemoryFileSystem();
    DisaggregatedKvStore store = store(fs, "mem:///db/op");
    write(store, "x");
    assertThat(fs.totalBytes()).isPositive();

    store.close();

    assertThat(fs.totalBytes()).isZero();
  }

  /** Counts the SST files created through it. */
  private static final class SstCreations extends ForwardingFileSystem {
    final AtomicInteger created = new AtomicInteger();

    SstCreations(FileSystem delegate) {
      super(delegate);
    }

    @Override
    public FileOutput create(String path) throws IOException {
      if (path.endsWith(".sst")) {
        created.incrementAndGet();
      }
      return super.create(path);
    }
  }

  @Test
  void closeCancelsBackgroundWorkUnlessConfiguredToAwaitIt() throws IOException {
    for (boolean await : new boolean[] {false, true}) {
      MemoryFileSystem memory = new MemoryFileSystem();
      SstCreations fs = new SstCreations(memory);
      DisaggregatedKvStore store = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/op")
          .withLsmOptions(Options.builder().writeBufferSize(1 << 20).build()).withCloseAwaitingBackgroundWork(await));
      write(store, "x"); // fits the memtable: no flush before close
      assertThat(fs.created.get()).isZero();

      store.close();

      assertThat(fs.created.get()).as("SSTs written by close, await=" + await).isEqualTo(await ? 1 : 0);
      assertThat(memory.totalBytes()).isZero();
    }
  }

  @Test
  void closeKeepsAPendingCheckpointAndRemovesAnUnusedLocalFolder(@TempDir Path root) throws IOException {
    Path dir = root.resolve("op-1");
    DisaggregatedKvStore store = store(new LocalFileSystem(root), dir.toString());
    write(store, "x");
    KeyedStateHandle pending = new KeyedStateHandle(ALL, store.snapshot(1, ALL).persist().handle());
    store.close(); // checkpoint 1 is written but not completed yet: the job may still complete it and restore from it
    assertThat(Files.list(dir.resolve("part-0")).toList()).isNotEmpty();
    DisaggregatedKvStore restored = store(new LocalFileSystem(root), root.resolve("op-3").toString());
    restored.restore(List.of(pending), ALL);
    assertThat(text(restored.column("c", ColumnOptions.PLAIN).get(key(7, "k7")))).isEqualTo("x");
    restored.close();

    DisaggregatedKvStore plain = store(new LocalFileSystem(root), root.resolve("op-2").toString());
    write(plain, "x");
    plain.close();
    assertThat(root.resolve("op-2")).doesNotExist();
  }

  @Test
  void aCheckpointWhoseAsynchronousPartHadNotRunWhenTheStoreClosedFailsAndLeavesNothing() throws IOException {
    MemoryFileSystem fs = new MemoryFileSystem();
    DisaggregatedKvStore store = store(fs, "mem:///db/op");
    write(store, "x");
    FileHandleSnapshot unfinished = store.snapshot(1, ALL);
    store.close();

    assertThatThrownBy(unfinished::persist).isInstanceOf(IOException.class);
    assertThat(fs.totalBytes()).isZero();
  }

  @Test
  void closeKeepsOnlyTheRetainedCheckpointAndALaterProcessRestoresIt() throws IOException {
    MemoryFileSystem fs = new MemoryFileSystem();
    DisaggregatedKvStore store = store(fs, "mem:///db/op");
    write(store, "one");
    checkpoint(store, 1);
    write(store, "two");
    KeyedStateHandle retained = checkpoint(store, 2);
    write(store, "three");
    for (Db tree : store.trees()) {
      tree.compactRange(KeyRange.ALL);
    }
    store.close();

    String manifest = StoreHandle.decode(retained.handle()).parts().get(0).manifestPath();
    long needed = fs.size(manifest);
    for (VersionEdit.LevelFile f : Manifest.read(fs, manifest).files()) {
      needed += f.file().size();
    }
    assertThat(fs.totalBytes()).isEqualTo(needed);

    DisaggregatedKvStore next = store(fs, "mem:///db/next");
    next.restore(List.of(retained), ALL);
    assertThat(text(next.column("c", ColumnOptions.PLAIN).get(key(7, "k7")))).isEqualTo("two");
    next.close();
  }

  @Test
  void aRestoredStoreNeverDeletesTheFilesOfTheStoreItCameFrom() throws IOException {
    MemoryFileSystem fs = new MemoryFileSystem();
    DisaggregatedKvStore old = store(fs, "mem:///db/old");
    write(old, "one");
    KeyedStateHandle handle = checkpoint(old, 1);
    old.close();
    Map<String, Long> oldFiles = files(fs, "mem:///db/old/part-0");

    DisaggregatedKvStore restored = store(fs, "mem:///db/new");
    restored.restore(List.of(handle), ALL);
    write(restored, "two");
    for (Db tree : restored.trees()) {
      tree.compactRange(KeyRange.ALL); // no live file of the old store is needed any more
    }
    checkpoint(restored, 2);
    checkpoint(restored, 3);
    restored.close();

    assertThat(files(fs, "mem:///db/old/part-0")).isEqualTo(oldFiles);
  }

  private static Map<String, Long> files(FileSystem fs, String dir) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    for (String name : fs.list(dir)) {
      sizes.put(name, fs.size(dir + "/" + name));
    }
    return sizes;
  }
}
