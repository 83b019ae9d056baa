package io.eddy.cli.bench;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.time.WatermarkStrategy;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Recovery time against state size, per keyed state backend: a keyed job loads a {@link Payload}
 * per key with checkpoints on, fails once a checkpoint of the whole load completed, and restarts
 * at once (fixed delay 0 ms) from its latest checkpoint ({@link RecoveryProbe} has the script). Reports
 * per backend and state size: what the run retained (checkpoints, shared SSTs, the disaggregated
 * store), the checkpoints and restarts, the milliseconds from the failure until the restarted
 * subtasks had restored their state and opened ({@code restored_ms}) and until each had processed
 * a record ({@code recovery_ms}), and the MiB the backend fetched from checkpoint storage
 * (RocksDB's downloads) and the whole process read meanwhile ("-": not known).
 */
public final class RecoveryBenchmark {
  private final StateBenchOptions options;
  private final PrintStream out;

  public RecoveryBenchmark(StateBenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Prints the table; 1 if some run did not fail and recover as scripted (its row says so). */
  public int run() throws Exception {
    out.printf(Locale.ROOT, "%-14s %9s %10s %10s %12s %9s %12s %12s %11s %9s%n", "backend", "state_mb", "keys",
        "store_mb", "checkpoints", "restarts", "restored_ms", "recovery_ms", "fetched_mb", "read_mb");
    int status = 0;
    for (BenchBackend backend : options.backends()) {
      for (long mb : options.stateMegabytes()) {
        status |= runOnce(backend, mb);
      }
    }
    return status;
  }

  private int runOnce(BenchBackend backend, long mb) throws Exception {
    long keys = options.keys(mb);
    RecoveryProbe probe = RecoveryProbe.register(keys, options.parallelism(), backend::bytesFetched);
    try (RunDirectory run = RunDirectory.create(options.directory(), "bench-recovery-")) {
      StreamEnvironment env = options.environment(backend, run, options.interval());
      env.getConfiguration()
          .set("restart-strategy.type", "fixed-delay")
          .set("restart-strategy.fixed-delay.delay", "0ms");
      env.fromSource(new RecoverySource(probe.id()), WatermarkStrategy.noWatermarks(), "load-then-trickle")
          .keyBy(i -> i % keys)
          .process(new RecoveryPayload(probe.id(), options.valueBytes()))
          .sinkTo(new DiscardingSink<>());
      JobExecutionResult result = env.execute("recovery-bench");
      Optional<RecoveryProbe.Recovery> recovery = probe.recovery();
      out.printf(Locale.ROOT, "%-14s %9d %10d %10.1f %12d %9d %12s %12s %11s %9s%n", backend.key(), mb, keys,
          run.checkpointBytes() / 1048576.0, result.counter("numCompletedCheckpoints"), result.counter("numRestarts"),
          recovery.map(r -> format(r.restoredMillis())).orElse("no-failure"),
          recovery.map(r -> format(r.recoveredMillis())).orElse("no-failure"),
          recovery.map(r -> mebibytes(r.fetchedBytes())).orElse("-"),
          recovery.map(r -> mebibytes(r.readBytes())).orElse("-"));
      return recovery.isPresent() && result.counter("numRestarts") == 1 ? 0 : 1;
    } finally {
      probe.unregister();
    }
  }

  private static String format(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }

  private static String mebibytes(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
