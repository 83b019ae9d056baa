package io.eddy.cli;

import io.eddy.api.datastream.ContextConfiguration;
import io.eddy.bench.lsm.LsmBenchmark;
import io.eddy.cli.bench.BenchBackend;
import io.eddy.cli.bench.CheckpointBenchmark;
import io.eddy.cli.bench.PipelineBenchmark;
import io.eddy.cli.bench.RecoveryBenchmark;
import io.eddy.cli.bench.StateBenchOptions;
import io.eddy.cli.config.ConfigArgs;
import io.eddy.cli.config.FsReadLatencyArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      return ContextConfiguration.runWith(config.resolve(),
          () -> new PipelineBenchmark(records, keys, parallelisms, repeat, System.out).run());
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
      return ContextConfiguration.runWith(config.resolve(), () -> new io.eddy.cli.bench.CepBenchmark(events, keys,
          java.time.Duration.ofMillis(withinMillis), parallelism, backends, repeat, System.out).run());
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
      return ContextConfiguration.runWith(readLatency.applyTo(config.resolve()),
          () -> new CheckpointBenchmark(state.options(), passes, System.out).run());
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
      return ContextConfiguration.runWith(readLatency.applyTo(config.resolve()), () -> new RecoveryBenchmark(state.options(), System.out).run());
    }
  }

  @Command(name = "lsm", description = "eddy-lsm against rocksdbjni in the same JVM (see its --help).")
  static final class Lsm implements Callable<Integer> {
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      return LsmBenchmark.run(args.toArray(String[]::new));
    }
  }
}
