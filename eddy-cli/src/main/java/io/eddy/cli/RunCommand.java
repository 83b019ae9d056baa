package io.eddy.cli;

import io.eddy.api.config.CoreOptions;
import io.eddy.api.config.StateRecoveryOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.ContextConfiguration;
import io.eddy.cli.config.ConfigArgs;
import io.eddy.examples.WindowedWordCount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a user's job jar (as {@code flink run} does) or a bundled example by name. Everything
 * after the jar is the job's own arguments.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a job: a jar whose main builds a StreamEnvironment, or a bundled example by name.",
        "  eddy run [OPTIONS] JOB.jar [ARGS...]", "  eddy run wordcount [--lines N]",
        "  eddy run logistics [--orders N] [--rate R] [--backend B] [--checkpoint-interval D] [--output DIR] [--sql]"},
    subcommands = {RunCommand.WordCount.class, LogisticsCommand.class})
final class RunCommand implements Callable<Integer> {
  @Option(names = {"-c", "--class"}, paramLabel = "MAIN", description = "Main class (default: the jar manifest's Main-Class).")
  String mainClass;

  @Option(names = {"-p", "--parallelism"}, description = "Default parallelism of the job's environments "
      + "(parallelism.default; the job's own setParallelism wins).")
  Integer parallelism;

  @Option(names = {"-s", "--fromSavepoint"}, paramLabel = "PATH",
      description = "Start from this savepoint or checkpoint folder (execution.state-recovery.path).")
  String savepoint;

  @Option(names = {"-n", "--allowNonRestoredState"}, description = "Start even if the savepoint has state of an "
      + "operator the job no longer has (execution.state-recovery.ignore-unclaimed-state).")
  boolean allowNonRestoredState;

  @Mixin
  ConfigArgs config = new ConfigArgs();

  @Parameters(index = "0", paramLabel = "JOB.jar", arity = "0..1", description = "The job's jar.")
  Path jar;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "The job's arguments.")
  List<String> args = new ArrayList<>();

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (jar == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
    JobJar job = new JobJar(jar);
    job.run(job.mainClass(mainClass), args.toArray(String[]::new), defaults(config, parallelism, savepoint,
        allowNonRestoredState));
    return 0;
  }

  /** The configuration file and -D, overridden by the flags the user gave. */
  static Configuration defaults(ConfigArgs config, Integer parallelism, String savepoint, boolean allowNonRestored) {
    Configuration conf = config.resolve();
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
      }
      conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    }
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.PATH, savepoint);
    }
    if (allowNonRestored) {
      conf.set(StateRecoveryOptions.IGNORE_UNCLAIMED_STATE, true);
    }
    return conf;
  }

  @Command(name = "wordcount", mixinStandardHelpOptions = true,
      description = "Windowed word count over generated text: counts per word per 1 s of event time.")
  static final class WordCount implements Callable<Integer> {
    @Option(names = "--lines", description = "Lines of generated text (default ${DEFAULT-VALUE}).")
    long lines = 200_000;

    @Option(names = {"-p", "--parallelism"}, description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism = 2;

    @Option(names = "--top", description = "How many of the most frequent (window, word) counts to print (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() throws Exception {
      ContextConfiguration.runWith(config.resolve(), () -> WindowedWordCount.run(lines, parallelism, top, System.out));
      return 0;
    }
  }
}
