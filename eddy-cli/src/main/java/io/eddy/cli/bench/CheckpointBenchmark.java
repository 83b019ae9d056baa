package io.eddy.cli.bench;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Checkpoint duration against state size, per keyed state backend: a keyed job keeps a
 * {@link Payload} per key and rewrites every key {@code passes} times while checkpointing every
 * interval into the run's folder. Reports checkpoint count, mean and max duration, the largest
 * checkpoint's own files (full snapshots on hashmap; only handles on rocksdb and disaggregated,
 * which reference shared files), the size of everything the run retained (checkpoints, shared
 * SSTs, the disaggregated store: the check that the state is as big as claimed), and the job's
 * records/s with checkpoints against the same job without them.
 */
public final class CheckpointBenchmark {
  private final StateBenchOptions options;
  private final int passes;
  private final PrintStream out;

  public CheckpointBenchmark(StateBenchOptions options, int passes, PrintStream out) {
    this.options = options;
    this.passes = passes;
    this.out = out;
  }

  public int run() throws Exception {
    out.printf(Locale.ROOT, "%-14s %9s %10s %7s %12s %9s %9s %9s %10s %12s %12s %7s%n", "backend", "state_mb", "keys",
        "passes", "checkpoints", "mean_ms", "max_ms", "max_mb", "store_mb", "rec/s_ckpt", "rec/s_none", "cost");
    for (BenchBackend backend : options.backends()) {
      for (long mb : options.stateMegabytes()) {
        long keys = options.keys(mb);
        Run with = runOnce(backend, keys, options.interval());
        Run without = runOnce(backend, keys, "0");
        long count = with.result().counter("numCompletedCheckpoints");
        double rateWith = with.recordsPerSecond();
        double rateWithout = without.recordsPerSecond();
        out.printf(Locale.ROOT, "%-14s %9d %10d %7d %12d %9.0f %9d %9.1f %10.1f %12.0f %12.0f %6.1f%%%n", backend.key(),
            mb, keys, passes, count,
            count == 0 ? 0.0 : (double) with.result().counter("checkpointDurationSumMillis") / count,
            with.result().counter("checkpointDurationMaxMillis"), with.result().counter("checkpointBytesMax") / 1048576.0,
            with.checkpointBytes() / 1048576.0, rateWith, rateWithout, 100.0 * (1 - rateWith / rateWithout));
      }
    }
    return 0;
  }

  /** Records all runs read: each backend and state size with checkpoints and without (for a progress bar). */
  public long totalRecords() {
    long keys = options.stateMegabytes().stream().mapToLong(options::keys).sum();
    return 2 * keys * passes * options.backends().size();
  }

  private Run runOnce(BenchBackend backend, long keys, String checkpointInterval) throws Exception {
    try (RunDirectory run = RunDirectory.create(options.directory(), "bench-checkpoint-")) {
      StreamEnvironment env = options.environment(backend, run, checkpointInterval);
      env.fromSource(DataGenSource.sequence(0, keys * passes - 1), WatermarkStrategy.noWatermarks(), "updates")
          .keyBy(i -> i % keys)
          .process(new Payload(options.valueBytes()))
          .sinkTo(new DiscardingSink<>());
      JobExecutionResult result = env.execute("checkpoint-bench");
      return new Run(result, keys * passes, run.checkpointBytes());
    }
  }

  /** One job's result, how many records it processed, and the bytes its checkpoint folder held at the end. */
  private record Run(JobExecutionResult result, long records, long checkpointBytes) {
    double recordsPerSecond() {
      return records / (result.netRuntime().toNanos() / 1e9);
    }
  }
}
