package io.eddy.cli;

import picocli.CommandLine;

/** Entry point of the {@code eddy} command. Exit codes: 0 ok, 1 the job failed, 2 bad usage. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new EddyCommand());
    cli.getSubcommands().get("run").setStopAtPositional(true);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("eddy: " + describe(e));
      return 1;
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      CommandLine cmd = e.getCommandLine();
      cmd.getErr().println("eddy: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
      return 2;
    });
    return cli.execute(args);
  }

  /** Our own errors speak for themselves; others (an I/O error naming only a path) get their type. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    boolean selfExplaining = e instanceof io.eddy.api.execution.JobExecutionException
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException;
    return message != null && selfExplaining ? message : e.toString();
  }
}
