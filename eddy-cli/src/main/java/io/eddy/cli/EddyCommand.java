package io.eddy.cli;

import picocli.CommandLine.Command;

/** The top-level command; each capability is a subcommand. */
@Command(name = "eddy", mixinStandardHelpOptions = true, version = "eddy 0.1.0",
    description = "Eddy: a stateful stream processor whose state can live on a distributed file system.",
    subcommands = {RunCommand.class, NexmarkCommand.class, BenchCommand.class, CheckpointsCommand.class,
        CompactionWorkerCommand.class, JobControlCommands.ListJobs.class, JobControlCommands.Savepoint.class,
        JobControlCommands.Stop.class, SqlCommand.class})
final class EddyCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
