package io.eddy.cli;

import io.eddy.nexmark.job.NexmarkJob;
import io.eddy.nexmark.job.NexmarkJobOptions;
import io.eddy.nexmark.job.NexmarkJobResult;
import io.eddy.nexmark.queries.NexmarkQuery;
import io.eddy.nexmark.queries.Queries;
import io.eddy.state.StateBackendFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs Nexmark queries on generated events or a JSON-lines file, optionally with checkpoints,
 * injected failures and resumption, and writes the final result table as CSV. Every run ends
 * with one summary line per query (with --async followed by one line per keyed operator: records
 * in flight and state request batch sizes); several queries end with a table.
 */
@Command(name = "nexmark", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run Nexmark queries (q0..q22) and print events/s; see docs/nexmark.md.")
final class NexmarkCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--query", description = "qN, a list (q1,q5) or all (default ${DEFAULT-VALUE}).")
  String query = "q5";

  @Option(names = "--sql", description = "Run the queries' SQL text (Flink's dialect, in the repository) on the same "
      + "events instead of the hand-written DataStream jobs; same flags and output.")
  boolean sql;

  @Option(names = "--events", description = "Generated events (default ${DEFAULT-VALUE}).")
  long events = 1_000_000;

  @Option(names = "--rate", description = "Events per second of wall time, generated or read; 0 = as fast as possible.")
  double rate;

  @Option(names = "--seed", description = "Generator seed, also of injected failures (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--parallelism", description = "Parallelism (default ${DEFAULT-VALUE}).")
  int parallelism = 1;

  @Option(names = "--backend", description = "state.backend.type: hashmap, rocksdb or disaggregated "
      + "(default ${DEFAULT-VALUE}).")
  String backend = "disaggregated";

  @Option(names = "--state-dir", description = "Working folder: checkpoints, the disaggregated store's primary copy "
      + "when not checkpointing, RocksDB's local files (default ${DEFAULT-VALUE}).")
  Path stateDir = Path.of("eddy-data");

  @Option(names = "--checkpoint-interval", description = "Checkpoint every D (e.g. 1s); off by default.")
  String checkpointInterval;

  @Option(names = "--checkpoint-dir", description = "Checkpoint folder or URI (default <state-dir>/checkpoints); "
      + "each query uses <dir>/<query>.")
  String checkpointDir;

  @Option(names = "--resume", description = "Continue from the latest complete checkpoint in the checkpoint folder.")
  boolean resume;

  @Option(names = {"-s", "--fromSavepoint"}, paramLabel = "PATH", description = "Start from this savepoint "
      + "(execution.state-recovery.path), e.g. of eddy stop JOB --savepoint, at any parallelism and on any backend. "
      + "With --output and the same --state-dir, the table continues that of the run that stopped with it.")
  String savepoint;

  @Option(names = "--inject-failures", description = "Fail the job N times at random moments in random tasks.")
  int injectFailures;

  @Option(names = "--async", description = "Run the stateful operators in the asynchronous execution model "
      + "(execution.async-state.enabled).")
  boolean async;

  @picocli.CommandLine.Mixin
  io.eddy.cli.config.FsReadLatencyArgs readLatency = new io.eddy.cli.config.FsReadLatencyArgs();

  @Option(names = "--input", description = "JSON-lines input (docs/nexmark.md) instead of the generator.")
  Path input;

  @Option(names = "--output", description = "Write the final result as CSV (several queries: FILE-<query>.csv). "
      + "With checkpoints the committed changelog is kept in <state-dir>/changelog/<query>, so a --resume "
      + "(same --state-dir) writes the whole table.")
  Path output;

  @Option(names = "--skip-bad-records", description = "Skip malformed input lines (counted and reported) instead of failing.")
  boolean skipBadRecords;

  @Option(names = "--side-input", description = "q13's side input CSV (key,value) instead of the standard rows.")
  Path sideInput;

  @Option(names = "--q10-output", description = "Folder for q10's partitioned files.")
  Path q10Output;

  @picocli.CommandLine.Mixin
  io.eddy.cli.config.ConfigArgs config = new io.eddy.cli.config.ConfigArgs();

  @Override
  public Integer call() throws Exception {
    List<NexmarkQuery> queries = parseQueries();
    io.eddy.api.config.Configuration conf = config.resolve();
    conf.toMap().forEach(this::configurationDefault);
    validate();
    PrintWriter out = spec.commandLine().getOut();
    List<String> summaries = new ArrayList<>();
    for (NexmarkQuery q : queries) {
      NexmarkJobResult result;
      try (EventProgress progress = new EventProgress(q.name(), "events", input != null ? -1 : events)) {
        result = NexmarkJob.run(options(q.name()), progress);
      }
      if (output != null) {
        Path file = outputFor(q.name(), queries.size() > 1).toAbsolutePath();
        java.nio.file.Files.createDirectories(file.getParent());
        result.table().writeCsv(file);
      }
      if (result.skippedCount() > 0) {
        out.printf("skipped %d bad records%s%n", result.skippedCount(),
            result.skippedRecords().isEmpty() ? "" : ", first: " + result.skippedRecords().get(0));
      }
      String summary = String.format(Locale.ROOT,
          "query=%s backend=%s parallelism=%d events=%d seconds=%.3f events_per_second=%.0f async=%s",
          q.name(), backend, parallelism, result.eventsRead(), result.wallSeconds(), result.eventsPerSecond(),
          async || config.resolve().get(io.eddy.api.config.AsyncStateOptions.ENABLED));
      out.println(summary);
      result.asyncStats().forEach(stats -> out.println(stats.line()));
      out.flush();
      summaries.add(summary);
    }
    if (queries.size() > 1) {
      printTable(out, summaries);
    }
    return 0;
  }

  private List<NexmarkQuery> parseQueries() {
    if (query.equalsIgnoreCase("all")) {
      return Queries.all();
    }
    List<NexmarkQuery> list = new ArrayList<>();
    for (String name : query.split(",")) {
      try {
        list.add(Queries.byName(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return list;
  }

  private void validate() {
    try {
      StateBackendFactory.load(backend);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (parallelism < 1 || events < 0 || rate < 0 || injectFailures < 0) {
      throw new ParameterException(spec.commandLine(), "--parallelism, --events, --rate and --inject-failures must not be negative");
    }
    if (input != null && !java.nio.file.Files.isRegularFile(input)) {
      throw new ParameterException(spec.commandLine(), "no such input file: " + input);
    }
  }

  /** A key from conf/eddy.yaml or -D stands in for a flag the user did not give (the flag wins otherwise). */
  private void configurationDefault(String key, String value) {
    var parsed = spec.commandLine().getParseResult();
    if (key.equals("state.backend.type") && !parsed.hasMatchedOption("--backend")) {
      backend = value;
    } else if (key.equals("parallelism.default") && !parsed.hasMatchedOption("--parallelism")) {
      parallelism = Integer.parseInt(value);
    }
  }

  private NexmarkJobOptions options(String name) {
    NexmarkJobOptions.Builder b = NexmarkJobOptions.builder(name).events(events).rate(rate).seed(seed)
        .parallelism(parallelism).stateBackend(backend).input(input).skipBadRecords(skipBadRecords)
        .sideInput(sideInput).q10OutputDir(q10Output).sql(sql);
    if (output == null) {
      b.discardResults();
    } else {
      b.changelogDir(stateDir.resolve("changelog").resolve(name).toAbsolutePath());
    }
    java.util.Map<String, String> conf = new java.util.LinkedHashMap<>(readLatency.applyTo(config.resolve()).toMap());
    if (async) {
      conf.put(io.eddy.api.config.AsyncStateOptions.ENABLED.key(), "true");
    }
    String interval = checkpointInterval != null ? checkpointInterval : injectFailures > 0 ? "1s"
        : conf.get("execution.checkpointing.interval");
    java.util.Map<String, String> own = new java.util.LinkedHashMap<>();
    own.put("state.backend.rocksdb.localdir", stateDir.resolve("rocksdb").toAbsolutePath().toString());
    if (interval == null && !resume) {
      own.put("state.disaggregated.dir", stateDir.resolve("db").resolve(name).toAbsolutePath().toString());
    } else {
      String dir = (checkpointDir != null ? checkpointDir : stateDir.resolve("checkpoints").toString()) + "/" + name;
      own.put("state.checkpoints.dir", dir);
      own.put("execution.checkpointing.resume", String.valueOf(resume));
      if (interval != null) {
        own.put("execution.checkpointing.interval", interval);
      }
    }
    if (injectFailures > 0) {
      own.put("execution.fault-injection.failures", String.valueOf(injectFailures));
      own.put("execution.fault-injection.seed", String.valueOf(seed));
    }
    // precedence: this command's defaults < conf/eddy.yaml < -D < the flags the user gave
    var parsed = spec.commandLine().getParseResult();
    boolean dirs = parsed.hasMatchedOption("--state-dir") || parsed.hasMatchedOption("--checkpoint-dir");
    own.forEach((key, value) -> {
      boolean explicit = key.endsWith("dir") ? dirs : key.startsWith("execution.fault-injection")
          ? injectFailures > 0 : key.endsWith("resume") ? resume : parsed.hasMatchedOption("--checkpoint-interval");
      if (explicit || !conf.containsKey(key)) {
        conf.put(key, value);
      }
    });
    if (savepoint != null) {
      conf.put("execution.state-recovery.path", savepoint);
    }
    b.configuration(conf);
    return b.build();
  }

  private Path outputFor(String name, boolean several) {
    if (!several) {
      return output;
    }
    String file = output.getFileName().toString();
    int dot = file.lastIndexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String ext = dot > 0 ? file.substring(dot) : ".csv";
    return output.resolveSibling(stem + "-" + name + ext);
  }

  private static void printTable(PrintWriter out, List<String> summaries) {
    out.println();
    out.printf("%-6s %14s %10s %18s%n", "query", "events", "seconds", "events/s");
    for (String s : summaries) {
      String[] f = s.split(" ");
      out.printf("%-6s %14s %10s %18s%n", f[0].substring(6), f[3].substring(7), f[4].substring(8), f[5].substring(18));
    }
  }
}
