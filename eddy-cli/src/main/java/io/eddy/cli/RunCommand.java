package io.eddy.cli;

import io.eddy.examples.WindowedWordCount;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs a bundled example job on embedded defaults. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a bundled example job.",
    subcommands = {RunCommand.WordCount.class})
final class RunCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "wordcount", mixinStandardHelpOptions = true,
      description = "Windowed word count over generated text: counts per word per 1 s of event time.")
  static final class WordCount implements Callable<Integer> {
    @Option(names = "--lines", description = "Lines of generated text (default ${DEFAULT-VALUE}).")
    long lines = 200_000;

    @Option(names = "--parallelism", description = "Parallelism (default ${DEFAULT-VALUE}).")
    int parallelism = 2;

    @Option(names = "--top", description = "How many of the most frequent (window, word) counts to print (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Override
    public Integer call() throws Exception {
      WindowedWordCount.run(lines, parallelism, top, System.out);
      return 0;
    }
  }
}
