package io.eddy.cli;

import io.eddy.api.datastream.ContextConfiguration;
import io.eddy.bench.lsm.LsmBenchmark;
import io.eddy.api.config.Configuration;
import io.eddy.cli.bench.BenchBackend;
import io.eddy.cli.bench.CepBenchmark;
import io.eddy.cli.bench.CheckpointBenchmark;
import io.eddy.cli.bench.PipelineBenchmark;
import io.eddy.cli.bench.RecoveryBenchmark;
import io.eddy.cli.bench.StateBenchOptions;
import io.eddy.cli.config.ConfigArgs;
import io.eddy.cli.config.FsReadLatencyArgs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Whole-job and storage benchmarks; they print a table and are never part of the test suite. */
@Command(name = "bench", description = "Benchmarks: pipeline (runtime throughput), checkpoint and recovery (state "
    + "backends against state size), lsm (store vs RocksDB), cep (a keyed pattern; Flink's twin in benchmarks/flink-cep).",
    subcommands = {BenchCommand.Pipeline.class, BenchCommand.Checkpoint.class, BenchCommand.Recovery.class,
        BenchCommand.Lsm.class, BenchCommand.Cep.class})
final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = "Records/s of source->map->filter->discard and of keyBy->count per key (hashmap backend).")
  static final class Pipeline implements Callable<Integer> {
    @Option(names = "--records", description = "Records per run (default ${DEFAULT-VALUE}).")
    long records = 50_000_000;

    @Option(names = "--keys", description = "Distinct keys of the keyed run (default ${DEFAULT-VALUE}).")
    int keys = 1_000_000;

    @Option(names = "--parallelism", split = ",", description = "Parallelisms to run (default ${DEFAULT-VALUE}).")
    List<Integer> parallelisms = List.of(1, 2);

    @Option(names = "--repeat", description = "Runs per configuration; the best is reported (default ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() throws Exception {
      return withProgress("pipeline", "records", config.resolve(), out -> {
        PipelineBenchmark bench = new PipelineBenchmark(records, keys, parallelisms, repeat, out);
        return new Measured(bench.totalRecords(), bench::run);
      });
    }
  }

  @Command(name = "cep", mixinStandardHelpOptions = true,
      description = "Events/s of a keyed CEP pattern (a followedBy b within W) per backend; compare with "
          + "benchmarks/flink-cep/run.sh --bench on the same events.")
  static final class Cep implements Callable<Integer> {
    @Option(names = "--events", description = "Generated events (default ${DEFAULT-VALUE}).")
    long events = 5_000_000;

    @Option(names = "--keys", description = "Distinct keys (default ${DEFAULT-VALUE}).")
    int keys = 1_000;

    @Option(names = "--within", description = "The pattern's within, ms of event time; events are 1 ms apart "
        + "(default ${DEFAULT-VALUE}).")
    long withinMillis = 10_000;

    @Option(names = "--parallelism", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism = 1;

    @Option(names = "--backend", split = ",", description = "State backends (default ${DEFAULT-VALUE}).")
    List<String> backends = List.of("hashmap", "disaggregated");

    @Option(names = "--repeat", description = "Runs per backend; the best is reported (default ${DEFAULT-VALUE}).")
    int repeat = 2;

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() throws Exception {
      return withProgress("cep", "events", config.resolve(), out -> {
        CepBenchmark bench = new CepBenchmark(events, keys, Duration.ofMillis(withinMillis), parallelism, backends,
            repeat, out);
        return new Measured(bench.totalEvents(), bench::run);
      });
    }
  }

  /** The options of both state benchmarks; each command chooses the default backends. */
  static final class StateBenchArgs {
    @Option(names = "--backend", split = ",", description = "State backends: hashmap, rocksdb, disaggregated, or a "
        + "comma list (default ${DEFAULT-VALUE}).")
    List<String> backends;

    @Option(names = "--state-mb", split = ",", description = "State sizes in MiB (default ${DEFAULT-VALUE}).")
    List<Long> stateMegabytes = List.of(100L, 1024L);

    @Option(names = "--value-size", description = "Bytes per key (default ${DEFAULT-VALUE}).")
    int valueBytes = 100;

    @Option(names = "--interval", description = "Checkpoint interval (default ${DEFAULT-VALUE}).")
    String interval = "1s";

    @Option(names = "--parallelism", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism = 2;

    @Option(names = "--dir", description = "Where each run's checkpoints and local state go, removed after the run "
        + "(default ${DEFAULT-VALUE}).")
    java.nio.file.Path directory = java.nio.file.Path.of("eddy-data");

    StateBenchArgs(String... defaultBackends) {
      backends = List.of(defaultBackends);
    }

    StateBenchOptions options() {
      return new StateBenchOptions(BenchBackend.parse(backends), stateMegabytes, valueBytes, interval, parallelism,
          directory);
    }
  }

  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = "Checkpoint duration and size against state size per state backend, and the throughput cost of "
          + "checkpointing.")
  static final class Checkpoint implements Callable<Integer> {
    @Option(names = "--passes", description = "Times every key is rewritten (default ${DEFAULT-VALUE}).")
    int passes = 3;

    @Mixin
    StateBenchArgs state = new StateBenchArgs("hashmap");

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Mixin
    FsReadLatencyArgs readLatency = new FsReadLatencyArgs();

    @Override
    public Integer call() throws Exception {
      return withProgress("checkpoint", "records", readLatency.applyTo(config.resolve()), out -> {
        CheckpointBenchmark bench = new CheckpointBenchmark(state.options(), passes, out);
        return new Measured(bench.totalRecords(), bench::run);
      });
    }
  }

  @Command(name = "recovery", mixinStandardHelpOptions = true,
      description = "Recovery time against state size per state backend: load the state with checkpoints on, fail "
          + "after a checkpoint of it, restart at once; time from the failure until all subtasks process records again.")
  static final class Recovery implements Callable<Integer> {
    @Mixin
    StateBenchArgs state = new StateBenchArgs("hashmap", "rocksdb", "disaggregated");

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Mixin
    FsReadLatencyArgs readLatency = new FsReadLatencyArgs();

    @Override
    public Integer call() throws Exception {
      // the source trickles on after the load until the job has recovered: no total
      return withProgress("recovery", "records", readLatency.applyTo(config.resolve()),
          out -> new Measured(-1, new RecoveryBenchmark(state.options(), out)::run));
    }
  }

  @Command(name = "lsm", description = "eddy-lsm against rocksdbjni in the same JVM (see its --help).")
  static final class Lsm implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      try (EventProgress progress = new EventProgress("lsm", "ops", -1)) {
        return LsmBenchmark.run(args.toArray(String[]::new), progress.above(System.out), progress);
      }
    }
  }

  /** A benchmark ready to run, and how many records its jobs' sources emit in all (-1: not known). */
  record Measured(long total, Callable<Integer> run) {}

  /**
   * Runs a benchmark with a progress bar of its jobs' source records on a terminal: {@code bench}
   * gets the standard output to print its rows to, above the bar.
   */
  static int withProgress(String task, String unit, Configuration conf,
      Function<PrintStream, Measured> bench) throws Exception {
    try (EventProgress progress = new EventProgress(task, unit, -1)) {
      Measured measured = bench.apply(progress.above(System.out));
      progress.expect(measured.total());
      return ContextConfiguration.runWith(progress.followSources(conf), measured.run());
    }
  }
}
