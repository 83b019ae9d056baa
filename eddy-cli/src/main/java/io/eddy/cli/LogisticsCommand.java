package io.eddy.cli;

import io.eddy.api.config.Durations;
import io.eddy.cli.config.ConfigArgs;
import io.eddy.examples.logistics.LogisticsJob;
import io.eddy.examples.logistics.LogisticsOptions;
import io.eddy.state.StateBackendFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code eddy run logistics}: the logistics tracking example (examples/.../logistics) on generated input. */
@Command(name = "logistics", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Logistics tracking: orders from TMall, Taobao and AliExpress deduplicated, joined with "
        + "shipping updates, anomalies found with CEP, on-time rate per platform and hour.",
        "Prints a live summary; --output DIR writes alerts.csv and delivery_stats.csv (sorted; the same for "
            + "the same --seed and --orders whatever the backend, parallelism or failures)."})
final class LogisticsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--orders", description = "Orders generated, each with its shipping updates (default ${DEFAULT-VALUE}).")
  long orders = LogisticsOptions.defaults().orders();

  @Option(names = "--rate", description = "Records per second of the feed; 0 = as fast as possible (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seed", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-p", "--parallelism"}, description = "Parallelism (default ${DEFAULT-VALUE}).")
  int parallelism = LogisticsOptions.defaults().parallelism();

  @Option(names = "--backend", description = "state.backend.type: hashmap, rocksdb or disaggregated (default ${DEFAULT-VALUE}).")
  String backend = LogisticsOptions.defaults().backend();

  @Option(names = "--checkpoint-interval", paramLabel = "D", description = "Checkpoint every D (e.g. 1s); off by default.")
  String checkpointInterval;

  @Option(names = "--inject-failures", paramLabel = "N", description = "Fail the job N times at random moments "
      + "(checkpoints every second unless --checkpoint-interval is given; each attempt fails after a random delay "
      + "of about ten checkpoint intervals unless -D execution.fault-injection.mean-delay=... says otherwise).")
  int injectFailures;

  @Option(names = "--state-dir", description = "Working folder: checkpoints, committed results, RocksDB files "
      + "(default ${DEFAULT-VALUE}).")
  Path stateDir = LogisticsOptions.defaults().stateDir();

  @Option(names = "--output", paramLabel = "DIR", description = "Write alerts.csv and delivery_stats.csv here.")
  Path output;

  @Option(names = "--sql", description = "Run the job's SQL form (examples/.../logistics/logistics.sql: ROW_NUMBER "
      + "deduplication, joins, MATCH_RECOGNIZE, window aggregation); the same tables.")
  boolean sql;

  @Mixin
  ConfigArgs config = new ConfigArgs();

  @Override
  public Integer call() throws Exception {
    LogisticsOptions options;
    try {
      StateBackendFactory.load(backend);
      options = new LogisticsOptions(orders, seed, rate, parallelism, backend,
          checkpointInterval == null ? null : Durations.parse(checkpointInterval), injectFailures, stateDir, output, sql);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    LogisticsJob.run(options, config.resolve(), System.out);
    return 0;
  }
}
