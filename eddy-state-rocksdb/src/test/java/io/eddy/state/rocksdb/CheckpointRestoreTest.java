package io.eddy.state.rocksdb;

import static io.eddy.state.rocksdb.TestStores.bytes;
import static io.eddy.state.rocksdb.TestStores.key;
import static io.eddy.state.rocksdb.TestStores.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot, persist and restore into new stores: the same range, and rescaled (2 -> 1 merges, 1 -> 2 splits). */
class CheckpointRestoreTest {
  static final ColumnOptions LIST = new ColumnOptions(true, 0);
  static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);

  @TempDir Path temp;
  @RegisterExtension final OpenStores stores = new OpenStores();

  RocksDbKvStore newStore() throws IOException {
    return stores.open(TestStores.settings(temp));
  }

  /** One filled store per range, each checkpointed: what the subtasks of an older parallelism left. */
  List<KeyedStateHandle> checkpointedParts(List<KeyGroupRange> ranges) throws IOException {
    List<KeyedStateHandle> handles = new ArrayList<>();
    for (KeyGroupRange range : ranges) {
      RocksDbKvStore part = newStore();
      fill(part, range, "");
      handles.add(new KeyedStateHandle(range, Checkpoints.take(part, 1, range)));
    }
    return handles;
  }

  /** Values "v<kg>" in column "values" and list "l<kg>" in column "lists", for every key group of the range. */
  static void fill(RocksDbKvStore store, KeyGroupRange range, String suffix) throws IOException {
    KvColumn values = store.column("values", ColumnOptions.PLAIN);
    KvColumn lists = store.column("lists", LIST);
    for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
      values.put(key(kg, "k"), bytes("v" + kg + suffix));
      lists.append(key(kg, "k"), bytes("l" + kg + suffix));
    }
  }

  static void verify(RocksDbKvStore store, KeyGroupRange range, String suffix) throws IOException {
    KvColumn values = store.column("values", ColumnOptions.PLAIN);
    KvColumn lists = store.column("lists", LIST);
    for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
      assertThat(text(values.get(key(kg, "k")))).as("value of key group %d", kg).isEqualTo("v" + kg + suffix);
      assertThat(text(lists.get(key(kg, "k")))).as("list of key group %d", kg).isEqualTo("l" + kg + suffix);
    }
    Map<String, String> all = RocksDbKvStoreTest.scan(values, new byte[0]);
    assertThat(all).as("key groups outside %s", range).hasSize(range.size());
  }

  @Test
  void restoreBringsBackTheStateAsOfTheSnapshot() throws IOException {
    RocksDbKvStore source = newStore();
    fill(source, ALL, "");
    FileHandleSnapshot snapshot = source.snapshot(1, ALL);
    fill(source, ALL, "-later");
    source.column("values", ColumnOptions.PLAIN).delete(key(3, "k"));
    byte[] handle = snapshot.persist().handle();
    snapshot.release();

    RocksDbKvStore restored = newStore();
    long processBefore = TransferStats.process().bytesDownloaded();
    restored.restore(List.of(new KeyedStateHandle(ALL, handle)), ALL);
    verify(restored, ALL, "");
    long size = CheckpointHandle.decode(handle).totalSize();
    assertThat(restored.transferStats().bytesDownloaded()).isEqualTo(size);
    assertThat(TransferStats.process().bytesDownloaded() - processBefore).as("process total (tests run one at a time)")
        .isEqualTo(size);
    restored.column("lists", LIST).append(key(1, "k"), bytes("+"));
    assertThat(text(restored.column("lists", LIST).get(key(1, "k")))).isEqualTo("l1+");
  }

  @Test
  void aRestoredStoreCheckpointsAndRestoresAgain() throws IOException {
    RocksDbKvStore first = newStore();
    fill(first, ALL, "");
    byte[] one = Checkpoints.take(first, 1, ALL);
    RocksDbKvStore second = newStore();
    second.restore(List.of(new KeyedStateHandle(ALL, one)), ALL);
    fill(second, KeyGroupRange.of(0, 9), "-2");
    byte[] two = Checkpoints.take(second, 2, ALL);
    RocksDbKvStore third = newStore();
    third.restore(List.of(new KeyedStateHandle(ALL, two)), ALL);
    KvColumn values = third.column("values", ColumnOptions.PLAIN);
    assertThat(text(values.get(key(5, "k")))).isEqualTo("v5-2");
    assertThat(text(values.get(key(50, "k")))).isEqualTo("v50");
    assertThat(text(third.column("lists", LIST).get(key(5, "k")))).isEqualTo("l5l5-2");
  }

  @Test
  void splittingKeepsEachNewSubtasksKeyGroupsOnly() throws IOException {
    RocksDbKvStore source = newStore();
    fill(source, ALL, "");
    byte[] handle = Checkpoints.take(source, 1, ALL);
    for (KeyGroupRange half : List.of(KeyGroupRange.of(0, 63), KeyGroupRange.of(64, 127))) {
      RocksDbKvStore restored = newStore();
      restored.restore(List.of(new KeyedStateHandle(ALL, handle)), half);
      verify(restored, half, "");
    }
  }

  @Test
  void mergingCombinesTheKeyGroupsOfTwoHandles() throws IOException {
    List<KeyedStateHandle> handles = checkpointedParts(List.of(KeyGroupRange.of(0, 63), KeyGroupRange.of(64, 127)));
    RocksDbKvStore merged = newStore();
    merged.restore(handles, ALL);
    verify(merged, ALL, "");
  }

  @Test
  void threeToTwoClipsTheBaseAndCopiesTheOverlapOfTheOthers() throws IOException {
    List<KeyedStateHandle> handles = checkpointedParts(
        List.of(KeyGroupRange.of(0, 42), KeyGroupRange.of(43, 85), KeyGroupRange.of(86, 127)));
    for (KeyGroupRange half : List.of(KeyGroupRange.of(0, 63), KeyGroupRange.of(64, 127))) {
      RocksDbKvStore restored = newStore();
      restored.restore(handles.stream().filter(h -> h.keyGroups().intersection(half).size() > 0).toList(), half);
      verify(restored, half, "");
    }
  }

  @Test
  void columnsOnlyInAnotherHandleAreCreatedWhenMerging() throws IOException {
    RocksDbKvStore left = newStore();
    left.column("values", ColumnOptions.PLAIN).put(key(1, "k"), bytes("left"));
    RocksDbKvStore right = newStore();
    right.column("extra", ColumnOptions.PLAIN).put(key(100, "k"), bytes("right"));
    List<KeyedStateHandle> handles = List.of(
        new KeyedStateHandle(KeyGroupRange.of(0, 63), Checkpoints.take(left, 1, KeyGroupRange.of(0, 63))),
        new KeyedStateHandle(KeyGroupRange.of(64, 127), Checkpoints.take(right, 1, KeyGroupRange.of(64, 127))));
    RocksDbKvStore merged = newStore();
    merged.restore(handles, ALL);
    assertThat(text(merged.column("values", ColumnOptions.PLAIN).get(key(1, "k")))).isEqualTo("left");
    assertThat(text(merged.column("extra", ColumnOptions.PLAIN).get(key(100, "k")))).isEqualTo("right");
  }

  @Test
  void anEmptyStoreCheckpointsAndRestores() throws IOException {
    RocksDbKvStore empty = newStore();
    byte[] handle = Checkpoints.take(empty, 1, ALL);
    RocksDbKvStore restored = newStore();
    restored.restore(List.of(new KeyedStateHandle(ALL, handle)), ALL);
    assertThat(restored.column("c", ColumnOptions.PLAIN).get(key(0, "k"))).isNull();
  }
}
