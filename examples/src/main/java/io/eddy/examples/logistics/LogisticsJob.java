package io.eddy.examples.logistics;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.connectors.file.FileSink;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs the {@link LogisticsPipeline} end to end, as {@code eddy run logistics} does: generated
 * input, the job (with checkpoints and injected failures if asked), a live summary every two
 * seconds, and the two result tables.
 *
 * <p>Results go through the exactly-once {@link FileSink} into
 * {@code <state-dir>/logistics/{alerts,delivery-stats}}, so after restarts each alert and each
 * version of an on-time row is there exactly once. The tables are then made from every
 * committed part file: the alerts sorted, the on-time rows reduced to their last version (the
 * one with the most deliveries) and sorted. Not reentrant for one state folder.
 */
public final class LogisticsJob {
  private static final long SUMMARY_MILLIS = 2_000;

  private LogisticsJob() {}

  /**
   * Runs the job to its end, printing the live summary and the final one to {@code out}.
   *
   * @param base configuration the options add to (conf/eddy.yaml and -D of the command line)
   */
  public static LogisticsResult run(LogisticsOptions options, Configuration base, PrintStream out) throws Exception {
    return run(options, base, out, UnaryOperator.identity());
  }

  /** {@link #run}, with {@code tap} applied to the feed as it leaves the source. */
  static LogisticsResult run(LogisticsOptions options, Configuration base, PrintStream out,
      UnaryOperator<DataStream<LogisticsEvent>> tap) throws Exception {
    Path work = options.stateDir().resolve("logistics").toAbsolutePath();
    Path alertsDir = work.resolve("alerts");
    Path statsDir = work.resolve("delivery-stats");
    deleteTree(alertsDir);
    deleteTree(statsDir);
    Configuration conf = configuration(options, base, work);
    if (options.checkpointInterval() != null || options.injectFailures() > 0) {
      CheckpointStorage.fromConfiguration(conf).discardAll();
    }

    LogisticsGenerator input = new LogisticsGenerator(options.seed(), options.orders());
    StreamEnvironment env = StreamEnvironment.create(conf);
    env.setParallelism(options.parallelism());
    String run = UUID.randomUUID().toString();
    if (options.sql()) {
      LogisticsSqlPipeline.Results results = LogisticsSqlPipeline.build(env, conf, input, options.seed(), options.rate());
      results.alerts().map(LiveCounters.counting(run, "alerts")).name("count alerts")
          .sinkTo(FileSink.lines(alertsDir, "csv", LogisticsJob::alertChange)).name("alerts");
      results.deliveryStats().map(LiveCounters.counting(run, "deliveries")).name("count deliveries")
          .sinkTo(FileSink.lines(statsDir, "csv", LogisticsJob::statsChange)).name("on-time table");
    } else {
      LogisticsPipeline.Results results = LogisticsPipeline.build(env, input, options.rate(), tap);
      results.alerts().map(LiveCounters.counting(run, "alerts")).name("count alerts")
          .sinkTo(FileSink.lines(alertsDir, "csv", Alert::toCsv)).name("alerts");
      results.deliveryStats().map(LiveCounters.counting(run, "deliveries")).name("count deliveries")
          .sinkTo(FileSink.lines(statsDir, "csv", DeliveryStats::toCsv)).name("on-time table");
    }

    long start = System.nanoTime();
    JobExecutionResult job;
    try {
      JobClient client = env.executeAsync("logistics");
      long nextSummary = start + SUMMARY_MILLIS * 1_000_000;
      while (!client.isDone()) {
        Thread.sleep(100);
        if (System.nanoTime() >= nextSummary) {
          nextSummary += SUMMARY_MILLIS * 1_000_000;
          out.printf(Locale.ROOT, "  %6.1f s  alerts %,d  deliveries %,d%n", (System.nanoTime() - start) / 1e9,
              LiveCounters.get(run, "alerts"), LiveCounters.get(run, "deliveries"));
        }
      }
      job = client.await();
    } finally {
      LiveCounters.release(run);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    List<Alert> alerts = new ArrayList<>();
    for (String line : options.sql() ? applyChanges(committedLines(alertsDir)) : committedLines(alertsDir)) {
      alerts.add(Alert.fromCsv(line));
    }
    alerts.sort(Alert.ORDER);
    List<String> stats = options.sql() ? applyChanges(committedLines(statsDir)) : lastVersions(committedLines(statsDir));
    stats.sort(null);
    LogisticsResult result = new LogisticsResult(alerts, stats, input.records(), seconds, job.counter("numRestarts"),
        job.counter("numRestoresFromCheckpoint"), job.counter("numCompletedCheckpoints"), job.counter("checkpointBytesMax"),
        job.counter("checkpointedBytesMax"));
    if (options.output() != null) {
      write(options.output(), result);
    }
    summarize(options, result, out);
    return result;
  }

  private static Configuration configuration(LogisticsOptions options, Configuration base, Path work) {
    Configuration conf = new Configuration(base.toMap());
    conf.set("state.backend.type", options.backend());
    conf.set("parallelism.default", String.valueOf(options.parallelism()));
    conf.set("state.backend.rocksdb.localdir", work.resolve("rocksdb").toString());
    if (options.checkpointInterval() != null || options.injectFailures() > 0) {
      conf.set("state.checkpoints.dir", work.resolve("checkpoints").toString());
      conf.set("execution.checkpointing.interval", options.checkpointInterval() != null
          ? options.checkpointInterval().toMillis() + "ms" : "1s");
    } else {
      conf.set("state.disaggregated.dir", work.resolve("db").toString());
    }
    if (options.injectFailures() > 0) {
      conf.set("execution.fault-injection.failures", String.valueOf(options.injectFailures()));
      conf.set("execution.fault-injection.seed", String.valueOf(options.seed()));
      if (!conf.toMap().containsKey("execution.fault-injection.mean-delay")) {
        // the runtime's 500 ms would fail every attempt before its first checkpoint: ten intervals, so most
        // failures restore a checkpoint
        long interval = options.checkpointInterval() != null ? options.checkpointInterval().toMillis() : 1000;
        conf.set("execution.fault-injection.mean-delay", 10 * interval + "ms");
      }
    }
    return conf;
  }

  /** A change of the SQL form's alerts as a line: '+' (insert, update after) or '-' (delete, update before), the alert. */
  private static String alertChange(io.eddy.api.types.Row row) {
    return (row.getKind().isAccumulate() ? "+" : "-") + LogisticsSqlPipeline.alert(row).toCsv();
  }

  /** A change of the SQL form's on-time table as a line, as {@link #alertChange}. */
  private static String statsChange(io.eddy.api.types.Row row) {
    return (row.getKind().isAccumulate() ? "+" : "-") + LogisticsSqlPipeline.deliveryStats(row).toCsv();
  }

  /** The rows a changelog of {@link #alertChange}/{@link #statsChange} lines leaves (a multiset), unordered. */
  static List<String> applyChanges(List<String> changes) {
    Map<String, Integer> rows = new HashMap<>();
    for (String change : changes) {
      rows.merge(change.substring(1), change.charAt(0) == '+' ? 1 : -1, (a, b) -> a + b == 0 ? null : a + b);
    }
    List<String> out = new ArrayList<>();
    rows.forEach((row, n) -> {
      if (n < 0) {
        throw new IllegalStateException("the changelog retracts " + row + " more often than it inserts it");
      }
      for (int i = 0; i < n; i++) {
        out.add(row);
      }
    });
    return out;
  }

  /** Per (platform, hour), the row with the most deliveries: the last version the job emitted. */
  static List<String> lastVersions(List<String> rows) {
    Map<String, String> last = new HashMap<>();
    for (String row : rows) {
      String[] f = row.split(",", 4);
      last.merge(f[0] + "," + f[1], row,
          (a, b) -> Long.parseLong(a.split(",", 4)[2]) >= Long.parseLong(f[2]) ? a : b);
    }
    List<String> sorted = new ArrayList<>(last.values());
    sorted.sort(null);
    return sorted;
  }

  private static List<String> committedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static void write(Path dir, LogisticsResult result) throws IOException {
    Files.createDirectories(dir);
    List<String> alerts = new ArrayList<>(List.of(Alert.CSV_HEADER));
    result.alerts().forEach(a -> alerts.add(a.toCsv()));
    Files.write(dir.resolve("alerts.csv"), alerts, StandardCharsets.UTF_8);
    List<String> stats = new ArrayList<>(List.of(DeliveryStats.CSV_HEADER));
    stats.addAll(result.deliveryStats());
    Files.write(dir.resolve("delivery_stats.csv"), stats, StandardCharsets.UTF_8);
  }

  private static void summarize(LogisticsOptions options, LogisticsResult result, PrintStream out) {
    Map<AlertKind, Long> byKind = new java.util.EnumMap<>(AlertKind.class);
    result.alerts().forEach(a -> byKind.merge(a.kind(), 1L, Long::sum));
    out.printf(Locale.ROOT, "logistics%s: %,d orders, %,d records in %.2f s (%,.0f records/s), backend %s, "
            + "parallelism %d, %d restarts (%d from a checkpoint)%n", options.sql() ? " (SQL)" : "", options.orders(),
        result.records(), result.seconds(), result.recordsPerSecond(), options.backend(), options.parallelism(),
        result.restarts(), result.restoresFromCheckpoint());
    if (result.largestCheckpointBytes() > 0) {
      out.printf(Locale.ROOT, "checkpoints: %,d, largest %,.1f MB (full state), most written by one %,.1f MB "
          + "(incremental: new files only)%n", result.checkpoints(), result.largestCheckpointBytes() / 1e6,
          result.largestCheckpointedBytes() / 1e6);
    }
    out.printf("alerts: %,d%n", result.alerts().size());
    byKind.forEach((kind, n) -> out.printf("  %-36s %,d%n", kind, n));
    Map<String, long[]> perPlatform = new java.util.TreeMap<>();
    for (String row : result.deliveryStats()) {
      String[] f = row.split(",");
      long[] t = perPlatform.computeIfAbsent(f[0], k -> new long[2]);
      t[0] += Long.parseLong(f[2]);
      t[1] += Long.parseLong(f[3]);
    }
    perPlatform.forEach((platform, t) -> out.printf(Locale.ROOT, "  %-11s delivered %,d, on time %.1f%%%n",
        platform, t[0], 100.0 * t[1] / t[0]));
    if (options.output() != null) {
      out.printf("tables written to %s (alerts.csv, delivery_stats.csv)%n", options.output());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
