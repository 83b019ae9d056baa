package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.PersistedHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/** Incremental uploads, and deletion of uploaded files once no retained or pending checkpoint needs them. */
class IncrementalCheckpointTest {
  static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

  @TempDir Path temp;
  @RegisterExtension final OpenStores stores = new OpenStores();

  RocksDbKvStore newStore(int retained, boolean incremental) throws IOException {
    return stores.open(TestStores.settings(temp, retained, incremental));
  }

  static void write(RocksDbKvStore store, int from, int to) throws IOException {
    KvColumn column = store.column("c", ColumnOptions.PLAIN);
    byte[] value = new byte[100];
    for (int i = from; i < to; i++) {
      column.put(key(i % 128, "k" + i), value);
    }
  }

  /** Overwrites the keys of the earlier writes and compacts, so that the SSTs of earlier checkpoints go. */
  static void rewriteAndCompact(RocksDbKvStore store) throws IOException, RocksDBException {
    write(store, 0, 5_000);
    RocksDbInstance instance = store.instance();
    instance.db().compactRange(instance.column("c").handle());
  }

  static Set<String> paths(byte[]... handles) throws IOException {
    Set<String> paths = new HashSet<>();
    for (byte[] handle : handles) {
      CheckpointHandle.decode(handle).files().forEach(file -> paths.add(file.path()));
    }
    return paths;
  }

  static Set<String> sstPaths(byte[] handle) throws IOException {
    return CheckpointHandle.decode(handle).files().stream().filter(f -> CheckpointFile.isSst(f.name()))
        .map(CheckpointFile::path).collect(Collectors.toSet());
  }

  /** Every file under the checkpoint directory, as absolute paths. */
  Set<String> filesOnCheckpointFs() throws IOException {
    Path root = Path.of(TestStores.checkpointDirectory(temp));
    if (!Files.exists(root)) {
      return Set.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(Path::toString).collect(Collectors.toSet());
    }
  }

  /** Two checkpoints, the second after a few more writes, and what each uploaded. */
  record TwoCheckpoints(byte[] first, long firstFiles, long firstBytes, byte[] second, long secondFiles,
      long secondBytes) {}

  static TwoCheckpoints twoCheckpoints(RocksDbKvStore store) throws IOException {
    TransferStats stats = store.transferStats();
    write(store, 0, 30_000);
    byte[] first = Checkpoints.take(store, 1, ALL);
    long firstFiles = stats.filesUploaded();
    long firstBytes = stats.bytesUploaded();
    write(store, 30_000, 30_010);
    byte[] second = Checkpoints.take(store, 2, ALL);
    return new TwoCheckpoints(first, firstFiles, firstBytes, second, stats.filesUploaded() - firstFiles,
        stats.bytesUploaded() - firstBytes);
  }

  @Test
  void aSecondCheckpointUploadsOnlyTheNewFiles() throws IOException {
    TwoCheckpoints two = twoCheckpoints(newStore(1, true));
    assertThat(two.firstFiles()).isEqualTo(CheckpointHandle.decode(two.first()).files().size());
    assertThat(sstPaths(two.second())).containsAll(sstPaths(two.first())).hasSize(sstPaths(two.first()).size() + 1);
    long metadataFiles = CheckpointHandle.decode(two.second()).files().stream().filter(f -> !f.shared()).count();
    assertThat(two.secondFiles()).isEqualTo(metadataFiles + 1);
    assertThat(two.secondBytes()).isLessThan(two.firstBytes() / 10);
  }

  /** A handle reports the size of every file it names, and as checkpointed the bytes its persist uploaded. */
  @ParameterizedTest(name = "incremental: {0}")
  @ValueSource(booleans = {true, false})
  void handlesReportTheirStateSizeAndTheBytesTheyUploaded(boolean incremental) throws IOException {
    RocksDbKvStore store = newStore(1, incremental);
    TransferStats stats = store.transferStats();
    List<PersistedHandle> persisted = new ArrayList<>();
    for (int id = 1; id <= 2; id++) {
      write(store, (id - 1) * 30_000, id * 30_000 - (id - 1) * 29_990);
      long uploadedBefore = stats.bytesUploaded();
      FileHandleSnapshot snapshot = store.snapshot(id, ALL);
      PersistedHandle handle = snapshot.persist();
      snapshot.release();
      store.notifyCheckpointComplete(id);
      assertThat(handle.stateSize()).isEqualTo(CheckpointHandle.decode(handle.handle()).totalSize());
      assertThat(handle.checkpointedSize()).isEqualTo(stats.bytesUploaded() - uploadedBefore);
      persisted.add(handle);
    }
    assertThat(persisted.get(0).checkpointedSize()).isEqualTo(persisted.get(0).stateSize());
    if (incremental) {
      assertThat(persisted.get(1).checkpointedSize()).isLessThan(persisted.get(1).stateSize() / 10);
    } else {
      assertThat(persisted.get(1).checkpointedSize()).isEqualTo(persisted.get(1).stateSize());
    }
  }

  @Test
  void withoutIncrementalEveryCheckpointUploadsEverything() throws IOException {
    TwoCheckpoints two = twoCheckpoints(newStore(1, false));
    assertThat(two.secondBytes()).isEqualTo(CheckpointHandle.decode(two.second()).totalSize())
        .isGreaterThan(two.firstBytes());
    assertThat(paths(two.second())).doesNotContainAnyElementsOf(paths(two.first()));
    assertThat(filesOnCheckpointFs()).isEqualTo(paths(two.second()));
  }

  @ParameterizedTest(name = "the older one completed: {0}")
  @ValueSource(booleans = {true, false})
  void theFilesOfAnOlderCheckpointGoWhenANewerOneCompletes(boolean olderCompleted) throws Exception {
    RocksDbKvStore store = newStore(1, true);
    write(store, 0, 5_000);
    byte[] first = olderCompleted ? Checkpoints.take(store, 1, ALL) : Checkpoints.persist(store, 1, ALL);
    rewriteAndCompact(store);
    byte[] second = Checkpoints.take(store, 2, ALL);
    assertThat(sstPaths(second)).doesNotContainAnyElementsOf(sstPaths(first));
    assertThat(filesOnCheckpointFs()).isEqualTo(paths(second));
  }

  @Test
  void theNewestRetainedCheckpointsKeepTheirFiles() throws Exception {
    RocksDbKvStore store = newStore(2, true);
    List<byte[]> handles = new ArrayList<>();
    for (int id = 1; id <= 4; id++) {
      rewriteAndCompact(store);
      handles.add(Checkpoints.take(store, id, ALL));
    }
    assertThat(filesOnCheckpointFs()).isEqualTo(paths(handles.get(2), handles.get(3)));
  }

  @Test
  void aPendingCheckpointsFilesSurviveTheCompletionOfAnOlderOne() throws Exception {
    RocksDbKvStore store = newStore(1, true);
    write(store, 0, 5_000);
    byte[] first = Checkpoints.persist(store, 1, ALL);
    rewriteAndCompact(store);
    byte[] second = Checkpoints.persist(store, 2, ALL);
    store.notifyCheckpointComplete(1);
    assertThat(filesOnCheckpointFs()).isEqualTo(paths(first, second));
    store.notifyCheckpointComplete(2);
    assertThat(filesOnCheckpointFs()).isEqualTo(paths(second));
  }

  /** The checkpoint of a store of 10 000 entries, incremental or not. */
  byte[] baseCheckpoint(boolean incremental) throws IOException {
    RocksDbKvStore original = newStore(1, incremental);
    write(original, 0, 10_000);
    return Checkpoints.take(original, 1, ALL);
  }

  RocksDbKvStore restoredFrom(byte[] base) throws IOException {
    RocksDbKvStore restored = newStore(1, true);
    restored.restore(List.of(new KeyedStateHandle(ALL, base)), ALL);
    return restored;
  }

  @Test
  void restoredFilesAreReferencedWithoutUploadAndNeverDeleted() throws Exception {
    byte[] base = baseCheckpoint(true);
    RocksDbKvStore restored = restoredFrom(base);
    write(restored, 0, 10);
    byte[] next = Checkpoints.take(restored, 2, ALL);
    assertThat(sstPaths(next)).containsAll(sstPaths(base));
    assertThat(restored.transferStats().filesUploaded())
        .isEqualTo(CheckpointHandle.decode(next).files().stream().filter(f -> !f.shared()).count() + 1);

    rewriteAndCompact(restored);
    byte[] last = Checkpoints.take(restored, 3, ALL);
    assertThat(sstPaths(last)).doesNotContainAnyElementsOf(sstPaths(base));
    Set<String> basePaths = paths(base);
    List<String> uploadedByRestored = paths(next).stream().filter(p -> !basePaths.contains(p)).toList();
    assertThat(filesOnCheckpointFs()).containsAll(basePaths).containsAll(paths(last))
        .doesNotContainAnyElementsOf(uploadedByRestored);
  }

  @Test
  void filesFromAnExclusiveFolderAreUploadedAgainAfterARestore() throws Exception {
    byte[] base = baseCheckpoint(false);
    RocksDbKvStore restored = restoredFrom(base);
    byte[] next = Checkpoints.take(restored, 2, ALL);
    assertThat(paths(next)).doesNotContainAnyElementsOf(paths(base));
    assertThat(restored.transferStats().bytesUploaded()).isEqualTo(CheckpointHandle.decode(next).totalSize());
  }
}
