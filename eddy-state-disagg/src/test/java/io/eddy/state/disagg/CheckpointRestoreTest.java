package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.bytes;
import static io.eddy.state.disagg.Keys.key;
import static io.eddy.state.disagg.Keys.scan;
import static io.eddy.state.disagg.Keys.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileSystem;
import io.eddy.fs.LocalFileSystem;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Options;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.PersistedHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-copy checkpoints, restore from their manifests, and rescaling by key-group ranges. */
class CheckpointRestoreTest {
  private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);
  private static final KeyGroupRange LOW = KeyGroupRange.of(0, 63);
  private static final KeyGroupRange HIGH = KeyGroupRange.of(64, 127);

  private final List<DisaggregatedKvStore> stores = new ArrayList<>();
  private FileSystem fs = new MemoryFileSystem();
  private String root = "mem:///db";
  private int created;

  @AfterEach
  void closeStores() {
    stores.forEach(DisaggregatedKvStore::close);
  }

  private DisaggregatedKvStore newStore() {
    DisaggregatedKvStore s = new DisaggregatedKvStore(StoreConfig.of(fs, root + "/op-" + created++)
        .withLsmOptions(Options.builder().writeBufferSize(32 << 10).eagerFlushBytes(4 << 10).build()));
    stores.add(s);
    return s;
  }

  private DisaggregatedKvStore restored(KeyGroupRange range, KeyedStateHandle... handles) throws IOException {
    DisaggregatedKvStore s = newStore();
    s.restore(List.of(handles), range);
    return s;
  }

  /** Writes "v<kg>" under "k" in column "values" and appends "a", "b" in column "list", for each key group. */
  private static void fill(DisaggregatedKvStore store, KeyGroupRange range) throws IOException {
    KvColumn values = store.column("values", ColumnOptions.PLAIN);
    KvColumn list = store.column("list", new ColumnOptions(true, 0));
    for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
      values.put(key(kg, "k"), bytes("v" + kg));
      list.append(key(kg, "k"), bytes("a"));
      list.append(key(kg, "k"), bytes("b"));
    }
  }

  /** Checkpoint 1 of a new store that owns {@code range}, filled. */
  private KeyedStateHandle filledCheckpoint(KeyGroupRange range) throws IOException {
    DisaggregatedKvStore store = newStore();
    fill(store, range);
    return checkpoint(store, 1, range);
  }

  private static KeyedStateHandle checkpoint(DisaggregatedKvStore store, long id, KeyGroupRange range) throws IOException {
    byte[] handle = store.snapshot(id, range).persist().handle();
    store.notifyCheckpointComplete(id);
    return new KeyedStateHandle(range, handle);
  }

  private static void assertHolds(DisaggregatedKvStore store, KeyGroupRange range) throws IOException {
    KvColumn values = store.column("values", ColumnOptions.PLAIN);
    KvColumn list = store.column("list", new ColumnOptions(true, 0));
    for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
      assertThat(text(values.get(key(kg, "k")))).isEqualTo("v" + kg);
      assertThat(text(list.get(key(kg, "k")))).isEqualTo("ab");
    }
    assertThat(scan(values, new byte[0])).hasSize(range.size()).first().isEqualTo(range.startKeyGroup() + "/k=v" + range.startKeyGroup());
  }

  @Test
  void restoresACheckpointIntoANewStoreWithoutLaterWrites() throws IOException {
    DisaggregatedKvStore old = newStore();
    fill(old, ALL);
    KeyedStateHandle handle = checkpoint(old, 1, ALL);
    old.column("values", ColumnOptions.PLAIN).put(key(7, "k"), bytes("after the checkpoint"));
    old.column("values", ColumnOptions.PLAIN).put(key(7, "new"), bytes("after the checkpoint"));

    DisaggregatedKvStore restored = restored(ALL, handle);

    assertHolds(restored, ALL);
    assertThat(restored.column("values", ColumnOptions.PLAIN).get(key(7, "new"))).isNull();
  }

  /**
   * A checkpoint reports the bytes of its manifest and the SSTs it lists, and as written by it the
   * manifest and the SSTs the previous checkpoint (or the restored one) did not list.
   */
  @Test
  void checkpointsReportTheirStateSizeAndWhatTheyAdded() throws IOException {
    DisaggregatedKvStore old = newStore();
    fill(old, ALL);
    PersistedHandle first = old.snapshot(1, ALL).persist();
    old.notifyCheckpointComplete(1);
    long manifest1 = manifestBytes(first.handle());
    assertThat(first.stateSize()).isGreaterThan(manifest1).isEqualTo(first.checkpointedSize());

    PersistedHandle unchanged = old.snapshot(2, ALL).persist();
    old.notifyCheckpointComplete(2);
    assertThat(unchanged.stateSize()).isEqualTo(first.stateSize() - manifest1 + manifestBytes(unchanged.handle()));
    assertThat(unchanged.checkpointedSize()).as("nothing new but the manifest")
        .isEqualTo(manifestBytes(unchanged.handle()));

    old.column("values", ColumnOptions.PLAIN).put(key(7, "new"), bytes("after checkpoint 2"));
    PersistedHandle grown = old.snapshot(3, ALL).persist();
    old.notifyCheckpointComplete(3);
    assertThat(grown.checkpointedSize()).as("the flushed SST and the manifest")
        .isGreaterThan(manifestBytes(grown.handle())).isLessThan(grown.stateSize());

    DisaggregatedKvStore restored = restored(ALL, new KeyedStateHandle(ALL, grown.handle()));
    PersistedHandle afterRestore = restored.snapshot(4, ALL).persist();
    assertThat(afterRestore.checkpointedSize()).as("the restored SSTs are not new")
        .isEqualTo(manifestBytes(afterRestore.handle()));
    assertThat(afterRestore.stateSize()).isGreaterThan(afterRestore.checkpointedSize());
  }

  private long manifestBytes(byte[] handle) throws IOException {
    long bytes = 0;
    for (StoreHandle.Part p : StoreHandle.decode(handle).parts()) {
      bytes += fs.size(p.manifestPath());
    }
    return bytes;
  }

  @Test
  void restoreReadsOnlyTheManifests() throws IOException {
    DisaggregatedKvStore old = newStore();
    fill(old, ALL);
    KeyedStateHandle handle = checkpoint(old, 1, ALL);
    long manifestBytes = 0;
    for (StoreHandle.Part p : StoreHandle.decode(handle.handle()).parts()) {
      manifestBytes += fs.size(p.manifestPath());
    }

    DisaggregatedKvStore restored = restored(ALL, handle);

    assertThat(restored.bytesReadByRestore()).isEqualTo(manifestBytes).isLessThan(1024);
    // a store that only writes reads just the index and filter of the tables it flushed (it opens
    // them before installing them), not their data
    assertThat(old.bytesRead()).isLessThan(1024);
    assertHolds(restored, ALL); // blocks are read on demand
    assertThat(restored.bytesRead()).isGreaterThan(manifestBytes);
  }

  @Test
  void restoresAfterACrashOnTheLocalFileSystem(@TempDir Path dir) throws IOException {
    fs = new LocalFileSystem(dir);
    root = dir.resolve("db").toString();
    DisaggregatedKvStore crashed = newStore();
    fill(crashed, ALL);
    KeyedStateHandle handle = checkpoint(crashed, 1, ALL);
    crashed.column("values", ColumnOptions.PLAIN).put(key(1, "k"), bytes("lost"));
    stores.remove(crashed); // never closed: the process died

    DisaggregatedKvStore restored = restored(ALL, handle);

    assertHolds(restored, ALL);
    assertThat(StoreHandle.decode(handle.handle()).parts().get(0).manifestPath()).startsWith(dir.toString());
  }

  @Test
  void rescalesFromTwoSubtasksToOne() throws IOException {
    DisaggregatedKvStore high = newStore();
    high.column("other", ColumnOptions.PLAIN).put(key(64, "o"), bytes("other")); // other column ids than in low
    fill(high, HIGH);

    DisaggregatedKvStore one = restored(ALL, filledCheckpoint(LOW), checkpoint(high, 1, HIGH));

    assertHolds(one, ALL);
    assertThat(one.trees()).hasSize(2);
    assertThat(text(one.column("other", ColumnOptions.PLAIN).get(key(64, "o")))).isEqualTo("other");
    KvColumn created = one.column("created", ColumnOptions.PLAIN);
    created.put(key(1, "x"), bytes("1"));
    created.put(key(100, "x"), bytes("100"));
    assertThat(scan(created, new byte[0])).containsExactly("1/x=1", "100/x=100");

    DisaggregatedKvStore again = restored(ALL, checkpoint(one, 2, ALL));
    assertHolds(again, ALL);
    assertThat(scan(again.column("created", ColumnOptions.PLAIN), new byte[0])).containsExactly("1/x=1", "100/x=100");
  }

  @Test
  void rescalesFromOneSubtaskToTwo() throws IOException {
    KeyedStateHandle handle = filledCheckpoint(ALL);

    DisaggregatedKvStore low = restored(LOW, handle);
    DisaggregatedKvStore high = restored(HIGH, handle);

    assertHolds(low, LOW);
    assertHolds(high, HIGH);
    assertThat(low.column("values", ColumnOptions.PLAIN).get(key(64, "k"))).isNull();
    assertThatThrownBy(() -> low.column("values", ColumnOptions.PLAIN).put(key(64, "k"), bytes("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rescalesAcrossUnevenSplitsTwice() throws IOException {
    KeyedStateHandle lowHandle = filledCheckpoint(LOW);
    KeyedStateHandle highHandle = filledCheckpoint(HIGH);
    KeyGroupRange first = KeyGroupRange.of(0, 95);
    KeyGroupRange second = KeyGroupRange.of(96, 127);

    DisaggregatedKvStore a = restored(first, lowHandle, highHandle);
    DisaggregatedKvStore b = restored(second, highHandle);
    assertHolds(a, first);
    assertHolds(b, second);

    DisaggregatedKvStore back = restored(ALL, checkpoint(a, 2, first), checkpoint(b, 2, second));
    assertHolds(back, ALL);
    assertThat(back.trees()).hasSize(3);
  }

  @Test
  void keyGroupsNoHandleCoversGetAFreshPart() throws IOException {
    DisaggregatedKvStore one = restored(ALL, filledCheckpoint(LOW));

    fill(one, HIGH);
    assertHolds(one, ALL);
    assertThat(one.trees()).hasSize(2);
  }

  @Test
  void restoreComesBeforeUse() throws IOException {
    KeyedStateHandle handle = filledCheckpoint(ALL);
    DisaggregatedKvStore used = newStore();
    used.column("values", ColumnOptions.PLAIN);

    assertThatThrownBy(() -> used.restore(List.of(handle), ALL)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> newStore().restore(List.of(new KeyedStateHandle(ALL, new byte[] {1, 2})), ALL))
        .isInstanceOf(IOException.class);
  }
}
