package io.eddy.cli;

import io.eddy.cli.config.ConfigArgs;
import io.eddy.runtime.control.JobControlClient;
import io.eddy.runtime.control.JobControlOptions;
import io.eddy.api.config.Durations;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that talk to running jobs of this machine through their control folders
 * ({@code execution.control-dir}, see JobControlFolder): list, savepoint, stop.
 */
final class JobControlCommands {
  private JobControlCommands() {}

  /** The control folder the running jobs use: -D / conf/eddy.yaml, else the default. */
  static JobControlClient client(ConfigArgs config) {
    return new JobControlClient(JobControlOptions.resolve(config.resolve().get(JobControlOptions.CONTROL_DIR)));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the running jobs of this machine.")
  static final class ListJobs implements Callable<Integer> {
    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() {
      var jobs = client(config).list();
      if (jobs.isEmpty()) {
        System.out.println("No running jobs.");
      }
      for (var job : jobs) {
        System.out.printf("%s  %-30s pid %d, started %s%n", job.id(), job.name(), job.pid(),
            Instant.ofEpochMilli(job.startedMillis()));
      }
      return 0;
    }
  }

  @Command(name = "savepoint", mixinStandardHelpOptions = true,
      description = {"Take a savepoint of a running job; prints its folder.",
          "Start a job from it with: eddy run -s FOLDER JOB.jar (execution.state-recovery.path)."})
  static final class Savepoint implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job id (or a unique prefix) or job name (eddy list).")
    String job;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FOLDER",
        description = "Folder to create the savepoint in (default: state.savepoints.dir of the job).")
    String folder;

    @Option(names = "--timeout", description = "How long to wait for the savepoint (default ${DEFAULT-VALUE}).")
    String timeout = "10min";

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() throws InterruptedException {
      JobControlClient client = client(config);
      System.out.println("Savepoint completed: " + client.request(client.find(job), "savepoint", absolute(folder), Durations.parse(timeout)));
      return 0;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true,
      description = "Stop a running job: with --savepoint after taking a savepoint (sources emit nothing after it, "
          + "so it holds all the job did), else cancel it.")
  static final class Stop implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JOB", description = "Job id (or a unique prefix) or job name (eddy list).")
    String job;

    @Option(names = "--savepoint", description = "Take a savepoint first.")
    boolean savepoint;

    @Option(names = {"-p", "--savepointPath"}, paramLabel = "FOLDER",
        description = "Folder to create the savepoint in (implies --savepoint; default: state.savepoints.dir of the job).")
    String folder;

    @Option(names = "--timeout", description = "How long to wait (default ${DEFAULT-VALUE}).")
    String timeout = "10min";

    @Mixin
    ConfigArgs config = new ConfigArgs();

    @Override
    public Integer call() throws InterruptedException {
      JobControlClient client = client(config);
      var target = client.find(job);
      if (savepoint || folder != null) {
        String path = client.request(target, "stop-with-savepoint", absolute(folder), Durations.parse(timeout));
        System.out.println("Stopped job " + target.id() + " with savepoint " + path);
      } else {
        client.request(target, "cancel", "", Durations.parse(timeout));
        System.out.println("Cancelled job " + target.id());
      }
      return 0;
    }
  }

  /** A local folder is made absolute here: the job may run in another working directory. */
  private static String absolute(String folder) {
    if (folder == null || folder.isEmpty() || folder.contains("://")) {
      return folder;
    }
    return java.nio.file.Path.of(folder).toAbsolutePath().normalize().toString();
  }
}
