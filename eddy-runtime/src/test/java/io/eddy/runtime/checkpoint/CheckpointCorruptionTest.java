package io.eddy.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.fs.FileOutput;
import io.eddy.fs.MemoryFileSystem;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.heap.HeapKeyedStateBackend;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.state.VoidNamespace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flipped byte, a truncated file or a missing file is detected; the previous checkpoint is used. */
class CheckpointCorruptionTest {
  private final MemoryFileSystem fs = new MemoryFileSystem();
  private final CheckpointStorage storage = new CheckpointStorage(fs, "ckpt/");
  private final List<String> log = new ArrayList<>();
  private String statePathOf2;

  private String writeCheckpoint(long id, long value) throws Exception {
    HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 7), 8);
    var state = backend.createValueState(VoidNamespace.SERIALIZER, new ValueStateDescriptor<>("v", Long.class));
    backend.setCurrentKey("k");
    state.update(value);
    String path = storage.newStatePath(id, "op", 0);
    long size = StateFile.write(fs, path, backend.backendType(), new OperatorSnapshot(backend.snapshot(1), Map.of("list", List.of(value)))).stateSize();
    storage.commit(new CheckpointMetadata(id, id, "job", 8, Map.of("op",
        new CheckpointMetadata.OperatorState("op", "op", 1, List.of(new StateHandle(0, path, size, KeyGroupRange.of(0, 7)))))));
    return path;
  }

  @BeforeEach
  void twoCheckpoints() throws Exception {
    writeCheckpoint(1, 10);
    statePathOf2 = writeCheckpoint(2, 20);
    assertThat(storage.latestValid(log::add).orElseThrow().checkpointId()).isEqualTo(2);
  }

  private void rewrite(String path, UnaryOperator<byte[]> change) throws IOException {
    byte[] bytes = change.apply(fs.readAll(path));
    fs.delete(path);
    try (FileOutput out = fs.create(path)) {
      out.write(bytes);
    }
  }

  private void assertFallsBackNaming(String path) throws IOException {
    CheckpointMetadata latest = storage.latestValid(log::add).orElseThrow();
    assertThat(latest.checkpointId()).isEqualTo(1);
    assertThat(log).hasSize(1);
    assertThat(log.get(0)).contains("Checkpoint 2").contains(path);
  }

  @Test
  void flippedByteInAStateFile() throws IOException {
    rewrite(statePathOf2, b -> {
      b[b.length / 2] ^= 0x10;
      return b;
    });
    assertThatThrownBy(() -> StateFile.read(fs, statePathOf2)).isInstanceOf(CorruptCheckpointException.class)
        .hasMessageContaining("checksum mismatch").hasMessageContaining(statePathOf2);
    assertFallsBackNaming(statePathOf2);
  }

  @Test
  void truncatedStateFile() throws IOException {
    rewrite(statePathOf2, b -> Arrays.copyOf(b, b.length - 5));
    assertFallsBackNaming(statePathOf2);
  }

  @Test
  void missingStateFile() throws IOException {
    fs.delete(statePathOf2);
    assertFallsBackNaming(statePathOf2);
  }

  @Test
  void flippedByteInMetadata() throws IOException {
    rewrite(storage.metadataPath(2), b -> {
      b[3] ^= 1;
      return b;
    });
    assertFallsBackNaming(storage.metadataPath(2));
  }

  @Test
  void incompleteCheckpointWithoutMarkerIsIgnoredAndOldOnesAreDeleted() throws IOException {
    String orphan = storage.newStatePath(3, "op", 0);
    try (FileOutput out = fs.create(orphan)) {
      out.write(new byte[] {1, 2, 3});
    }
    assertThat(storage.completedIds()).containsExactly(1L, 2L);
    storage.retainNewest(1);
    assertThat(storage.completedIds()).containsExactly(2L);
    assertThat(fs.list("ckpt/chk-1/")).isEmpty();
    assertThat(fs.list("ckpt/chk-2/")).isNotEmpty();
  }
}
