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
 * interval into the run's folder. Reports checkpoint count, duration (p50, p99, max, mean), the largest
 * checkpoint's own files (full snapshots on hashmap; only handles on rocksdb and disaggregated,
 * which reference shared files), the size of everything the run retained (checkpoints, shared
 * SSTs, the disaggregated store: the check that the state is as big as claimed), and the job's
 * records/s with checkpoints against the same job without them. A fair cost needs both runs to pay
 * for the flushes and compactions their writes cause: a load that ends before its background work
 * ran looks fast. Disaggregated stores therefore finish that work before they close, inside the
 * measured run time ({@link BenchBackend#awaitBackgroundWorkAtClose}).
 */
public final class CheckpointBenchmark {
  private static final long WARM_UP_MB = 256;
  private final StateBenchOptions options;
  private final int passes;
  private final PrintStream out;

  public CheckpointBenchmark(StateBenchOptions options, int passes, PrintStream out) {
    this.options = options;
    this.passes = passes;
    this.out = out;
  }

  public int run() throws Exception {
    out.println("# rec/s: records / job run time. Disaggregated runs, with and without checkpoints, include the flush and");
    out.println("# the due compactions their writes caused (stores wait for them before closing); other backends' runs");
    out.println("# end with that work undone (settled=no), which favours the shorter run without checkpoints. Each backend");
    out.println("# first runs both modes over at most " + WARM_UP_MB + " MB, not reported, so that no measured job pays the JVM's warm-up.");
    out.printf(Locale.ROOT, "%-14s %9s %10s %7s %12s %8s %8s %8s %8s %9s %10s %12s %12s %7s %8s%n", "backend", "state_mb",
        "keys", "passes", "checkpoints", "p50_ms", "p99_ms", "max_ms", "mean_ms", "max_mb", "store_mb", "rec/s_ckpt",
        "rec/s_none", "cost", "settled");
    for (BenchBackend backend : options.backends()) {
      runOnce(backend, warmUpKeys(), options.interval());
      runOnce(backend, warmUpKeys(), "0");
      for (long mb : options.stateMegabytes()) {
        long keys = options.keys(mb);
        Run with = runOnce(backend, keys, options.interval());
        Run without = runOnce(backend, keys, "0");
        long count = with.result().counter("numCompletedCheckpoints");
        double rateWith = with.recordsPerSecond();
        double rateWithout = without.recordsPerSecond();
        out.printf(Locale.ROOT, "%-14s %9d %10d %7d %12d %8d %8d %8d %8.0f %9.1f %10.1f %12.0f %12.0f %6.1f%% %8s%n",
            backend.key(), mb, keys, passes, count, with.result().counter("checkpointDurationP50Millis"),
            with.result().counter("checkpointDurationP99Millis"), with.result().counter("checkpointDurationMaxMillis"),
            count == 0 ? 0.0 : (double) with.result().counter("checkpointDurationSumMillis") / count,
            with.result().counter("checkpointBytesMax") / 1048576.0, with.checkpointBytes() / 1048576.0, rateWith,
            rateWithout, 100.0 * (1 - rateWith / rateWithout), with.settled() && without.settled() ? "yes" : "no");
      }
    }
    return 0;
  }

  /** Records all runs read: each backend's warm-up and state sizes, with checkpoints and without (for a progress bar). */
  public long totalRecords() {
    long keys = warmUpKeys() + options.stateMegabytes().stream().mapToLong(options::keys).sum();
    return 2 * keys * passes * options.backends().size();
  }

  /**
   * Keys of the unreported warm-up jobs, one with checkpoints and one without, that each backend
   * runs first: otherwise the first measured job pays the JVM's warm-up (JIT compilation, heap
   * sizing: in a 1 GB run with checkpoints, more than a tenth of the process's CPU time).
   */
  private long warmUpKeys() {
    return options.keys(Math.min(WARM_UP_MB, options.stateMegabytes().stream().mapToLong(Long::longValue).min().orElse(1)));
  }

  private Run runOnce(BenchBackend backend, long keys, String checkpointInterval) throws Exception {
    try (RunDirectory run = RunDirectory.create(options.directory(), "bench-checkpoint-")) {
      StreamEnvironment env = options.environment(backend, run, checkpointInterval);
      boolean settled = backend.awaitBackgroundWorkAtClose(env.getConfiguration());
      env.fromSource(DataGenSource.sequence(0, keys * passes - 1), WatermarkStrategy.noWatermarks(), "updates")
          .keyBy(i -> i % keys)
          .process(new Payload(options.valueBytes()))
          .sinkTo(new DiscardingSink<>());
      JobExecutionResult result = env.execute("checkpoint-bench");
      return new Run(result, keys * passes, run.checkpointBytes(), settled);
    }
  }

  /**
   * One job's result, how many records it processed, the bytes its checkpoint folder held at the
   * end, and whether its run time includes its stores' background work.
   */
  private record Run(JobExecutionResult result, long records, long checkpointBytes, boolean settled) {
    double recordsPerSecond() {
      return records / (result.netRuntime().toNanos() / 1e9);
    }
  }
}
