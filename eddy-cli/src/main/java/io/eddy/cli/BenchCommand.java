package io.eddy.cli;

import io.eddy.bench.lsm.LsmBenchmark;
import io.eddy.cli.bench.PipelineBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Whole-job and storage benchmarks; they print a table and are never part of the test suite. */
@Command(name = "bench", description = "Benchmarks: pipeline (runtime throughput), lsm (store vs RocksDB).",
    subcommands = {BenchCommand.Pipeline.class, BenchCommand.Lsm.class})
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

    @Override
    public Integer call() throws Exception {
      return new PipelineBenchmark(records, keys, parallelisms, repeat, System.out).run();
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
