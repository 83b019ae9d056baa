package io.eddy.cli.bench;

import io.eddy.api.datastream.StreamEnvironment;
import java.nio.file.Path;
import java.util.List;

/**
 * What the state benchmarks ({@link CheckpointBenchmark}, {@link RecoveryBenchmark}) vary and
 * where they write: each backend runs each state size, as {@code keys = MiB x 2^20 / valueBytes}
 * keys holding an incompressible value of {@code valueBytes}, at {@code parallelism},
 * checkpointing every {@code interval}, every run in its own folder under {@code directory}.
 */
public record StateBenchOptions(List<BenchBackend> backends, List<Long> stateMegabytes, int valueBytes,
    String interval, int parallelism, Path directory) {

  public StateBenchOptions {
    backends = List.copyOf(backends);
    stateMegabytes = List.copyOf(stateMegabytes);
    if (valueBytes < 1) {
      throw new IllegalArgumentException("The value size must be at least 1 byte, got " + valueBytes);
    }
  }

  long keys(long megabytes) {
    return Math.max(1, megabytes * 1024 * 1024 / valueBytes);
  }

  /** An environment for one job of {@code backend} in {@code run}, checkpointing every {@code checkpointInterval} ("0": never). */
  StreamEnvironment environment(BenchBackend backend, RunDirectory run, String checkpointInterval) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", checkpointInterval)
        .set("state.checkpoints.dir", run.checkpoints().toString());
    backend.configure(env.getConfiguration(), run.root());
    return env;
  }
}
