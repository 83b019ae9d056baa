package io.eddy.state.disagg;

import static io.eddy.state.disagg.Keys.bytes;
import static io.eddy.state.disagg.Keys.key;
import static io.eddy.state.disagg.Keys.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.fs.FsPaths;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.lsm.Db;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.Options;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.bytes.ColumnOptions;
import io.eddy.state.bytes.KvColumn;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checkpoints are kept while retained and their files deleted once subsumed, never earlier. */
class RetentionTest {
  private static final KeyGroupRange ALL = KeyGroupRange.of(0, 127);
  private static final String PART = "mem:///db/op/part-0";

  private final MemoryFileSystem fs = new MemoryFileSystem();
  private DisaggregatedKvStore store = newStore(1);

  private DisaggregatedKvStore newStore(int numRetained) {
    return new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/op").withNumRetained(numRetained)
        .withLsmOptions(Options.builder().writeBufferSize(8 << 10).build()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void writeAll(String value) throws IOException {
    KvColumn c = store.column("c", ColumnOptions.PLAIN);
    for (int i = 0; i < 2_000; i++) {
      c.put(key(i % 128, "k" + i), bytes(value));
    }
  }

  private String manifestOf(KeyedStateHandle handle) throws IOException {
    return StoreHandle.decode(handle.handle()).parts().get(0).manifestPath();
  }

  private Set<String> filesOf(String manifest) throws IOException {
    Set<String> files = new HashSet<>();
    for (VersionEdit.LevelFile f : Manifest.read(fs, manifest).files()) {
      files.add(f.file().path());
    }
    return files;
  }

  private Set<String> tablesInDirectory() throws IOException {
    Set<String> tables = new HashSet<>();
    for (String name : fs.list(PART)) {
      if (name.endsWith(".sst")) {
        tables.add(FsPaths.join(PART, name));
      }
    }
    return tables;
  }

  private KeyedStateHandle checkpoint(long id, boolean complete) throws IOException {
    KeyedStateHandle handle = new KeyedStateHandle(ALL, store.snapshot(id, ALL).persist().handle());
    if (complete) {
      store.notifyCheckpointComplete(id);
    }
    return handle;
  }

  private void compactEverything() throws IOException {
    for (Db tree : store.trees()) {
      tree.compactRange(KeyRange.ALL);
    }
  }

  @Test
  void aSubsumedCheckpointsFilesAreDeletedAndTheRetainedOnesKept() throws IOException {
    writeAll("one");
    String first = manifestOf(checkpoint(1, true));
    Set<String> firstFiles = filesOf(first);
    writeAll("two");
    compactEverything(); // the live tree no longer needs the first checkpoint's files
    assertThat(tablesInDirectory()).containsAll(firstFiles);

    String second = manifestOf(checkpoint(2, true));

    assertThat(fs.exists(first)).isFalse();
    Set<String> secondFiles = filesOf(second);
    assertThat(tablesInDirectory()).containsAll(secondFiles).doesNotContainAnyElementsOf(minus(firstFiles, secondFiles));
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.removeAll(b);
    return out;
  }

  @Test
  void aRetainedCheckpointSurvivesCompactionAndRestores() throws IOException {
    writeAll("one");
    KeyedStateHandle retained = checkpoint(1, true);
    writeAll("two");
    compactEverything();
    store.column("c", ColumnOptions.PLAIN).delete(key(5, "k5"));
    compactEverything();

    DisaggregatedKvStore restored = new DisaggregatedKvStore(StoreConfig.of(fs, "mem:///db/restored"));
    try {
      restored.restore(List.of(retained), ALL);
      KvColumn c = restored.column("c", ColumnOptions.PLAIN);
      for (int i = 0; i < 2_000; i++) {
        assertThat(text(c.get(key(i % 128, "k" + i)))).isEqualTo("one");
      }
    } finally {
      restored.close();
    }
  }

  @Test
  void keepsAsManyCompletedCheckpointsAsConfigured() throws IOException {
    store.close();
    store = newStore(2);
    String[] manifests = new String[4];
    for (int id = 1; id <= 3; id++) {
      writeAll("v" + id);
      manifests[id] = manifestOf(checkpoint(id, true));
    }
    assertThat(fs.exists(manifests[1])).isFalse();
    assertThat(fs.exists(manifests[2])).isTrue();
    assertThat(fs.exists(manifests[3])).isTrue();
  }

  @Test
  void anAbortedCheckpointIsReleasedWhenANewerOneCompletes() throws IOException {
    writeAll("one");
    String aborted = manifestOf(checkpoint(1, false));
    writeAll("two");
    String pending = manifestOf(checkpoint(3, false));
    writeAll("three");
    String completed = manifestOf(checkpoint(2, true));

    assertThat(fs.exists(aborted)).isFalse();
    assertThat(fs.exists(completed)).isTrue();
    assertThat(fs.exists(pending)).isTrue(); // newer than the completed one: may still complete
  }
}
