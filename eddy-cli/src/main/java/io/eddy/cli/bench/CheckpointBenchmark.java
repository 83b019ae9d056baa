package io.eddy.cli.bench;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checkpoints of heap state: a keyed job keeps a payload of {@code valueBytes} per key for
 * {@code keys} keys (state size = keys x value size, plus object overhead), and rewrites every
 * key {@code passes} times while checkpointing every {@code interval} into a local directory.
 * Reports checkpoint count, mean and max duration and size, and the job's records/s with
 * checkpoints against the same job without them.
 */
public final class CheckpointBenchmark {
  private final List<Long> stateMegabytes;
  private final int valueBytes;
  private final int passes;
  private final String interval;
  private final int parallelism;
  private final Path directory;
  private final PrintStream out;

  public CheckpointBenchmark(List<Long> stateMegabytes, int valueBytes, int passes, String interval, int parallelism,
      Path directory, PrintStream out) {
    this.stateMegabytes = stateMegabytes;
    this.valueBytes = valueBytes;
    this.passes = passes;
    this.interval = interval;
    this.parallelism = parallelism;
    this.directory = directory;
    this.out = out;
  }

  public int run() throws Exception {
    out.printf(Locale.ROOT, "%-10s %10s %8s %12s %11s %11s %12s %14s %14s %8s%n", "state_mb", "keys", "passes",
        "checkpoints", "mean_ms", "max_ms", "max_mb", "rec/s_ckpt", "rec/s_none", "cost");
    for (long mb : stateMegabytes) {
      long keys = mb * 1024 * 1024 / valueBytes;
      JobExecutionResult with = runOnce(keys, interval);
      JobExecutionResult without = runOnce(keys, "0");
      long records = keys * passes;
      long count = with.counter("numCompletedCheckpoints");
      double rateWith = records / (with.netRuntime().toNanos() / 1e9);
      double rateWithout = records / (without.netRuntime().toNanos() / 1e9);
      out.printf(Locale.ROOT, "%-10d %10d %8d %12d %11.0f %11d %12.1f %14.0f %14.0f %7.1f%%%n", mb, keys, passes, count,
          count == 0 ? 0.0 : (double) with.counter("checkpointDurationSumMillis") / count,
          with.counter("checkpointDurationMaxMillis"), with.counter("checkpointBytesMax") / 1048576.0,
          rateWith, rateWithout, 100.0 * (1 - rateWith / rateWithout));
    }
    return 0;
  }

  private JobExecutionResult runOnce(long keys, String checkpointInterval) throws Exception {
    Path checkpoints = directory.resolve("bench-checkpoints-" + System.nanoTime());
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration()
        .set("execution.checkpointing.interval", checkpointInterval)
        .set("state.checkpoints.dir", checkpoints.toString());
    int size = valueBytes;
    env.fromSource(DataGenSource.sequence(0, keys * passes - 1), WatermarkStrategy.noWatermarks(), "updates")
        .keyBy(i -> i % keys)
        .process(new Payload(size))
        .sinkTo(new DiscardingSink<>());
    try {
      return env.execute("checkpoint-bench");
    } finally {
      deleteRecursively(checkpoints);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Keeps a fresh payload of {@code size} bytes per key (the first byte counts the updates). */
  static final class Payload extends KeyedProcessFunction<Long, Long, Long> {
    private final int size;
    private transient ValueState<byte[]> value;

    Payload(int size) {
      this.size = size;
    }

    @Override
    public void open(OpenContext ctx) {
      value = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
    }

    @Override
    public void processElement(Long i, Context ctx, Collector<Long> out) throws Exception {
      byte[] old = value.value();
      byte[] next = new byte[size];
      next[0] = (byte) (old == null ? 1 : old[0] + 1);
      value.update(next);
    }
  }
}
