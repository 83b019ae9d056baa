package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.ExactlyOnceSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming a checkpoint of a byte backend (file handles only its own kind reads) with another
 * state backend stops with a message naming both backends, and the backends the failed start
 * had already created release their local files. (Savepoints, and the hashmap backend's
 * checkpoints, are in the canonical format every backend reads: SavepointBackendSwitchTest.)
 */
@Timeout(120)
class BackendSwitchOnResumeTest {
  @TempDir
  Path dir;

  @Test
  void resumingADisaggregatedCheckpointOnRocksDbIsRefusedAndLeavesNoFiles() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    Path rocksdb = dir.resolve("rocksdb");
    assertThatThrownBy(() -> BackendEquivalenceTest.run("disaggregated", 2, Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "none"), new ExactlyOnceSink<>(), 1));
    assertThatThrownBy(() -> BackendEquivalenceTest.run("rocksdb", 2, Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "state.backend.rocksdb.localdir", rocksdb.toString(),
        "execution.checkpointing.resume", "true"), new ExactlyOnceSink<>(), 0))
        .hasStackTraceContaining("is a checkpoint of the 'disaggregated' state backend, which only that backend "
            + "reads; this job uses 'rocksdb'");
    try (Stream<Path> left = Files.exists(rocksdb) ? Files.list(rocksdb) : Stream.empty()) {
      assertThat(left).as("RocksDB working folders left behind").isEmpty();
    }
  }
}
