package io.eddy.runtime.execution;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.config.StateRecoveryOptions;
import io.eddy.fs.FileSystems;
import io.eddy.fs.FsPaths;
import io.eddy.runtime.checkpoint.CheckpointCoordinator;
import io.eddy.runtime.checkpoint.CheckpointMetadata;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.runtime.checkpoint.StateAssignmentCheck;
import io.eddy.runtime.checkpoint.CompletedCheckpointStats;
import io.eddy.runtime.checkpoint.RestoredState;
import io.eddy.runtime.graph.JobPlan;
import io.eddy.runtime.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A job as its client sees it: runs attempts ({@link JobRun}) until one finishes, restarting
 * after failures as the restart strategy allows, each time from the latest complete and
 * verified checkpoint (falling back to older ones when the latest is corrupt). When the job
 * has finished, it commits what two-phase-commit sinks staged after their last checkpoint,
 * recorded first so that a resume after a crash in between completes it ({@link EndOfInputRecord}).
 */
public final class LocalJob implements JobClient {
  private final JobPlan plan;
  private final Clock clock;
  private final RestartStrategy restartStrategy;
  private final CheckpointStorage storage;
  private final boolean resume;
  private final JobMetrics metrics = new JobMetrics();
  private io.eddy.runtime.metrics.MetricRegistry metricRegistry;
  private io.eddy.runtime.metrics.JobMetricGroup metricGroup;
  private final FailureInjector failureInjector;
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<CompletedCheckpointStats> checkpoints = new ArrayList<>();
  private final String jobId = java.util.UUID.randomUUID().toString().replace("-", "");
  private io.eddy.runtime.control.JobControlFolder control;
  private RestoredState initialState;
  private volatile String stoppedWithSavepoint;
  private volatile JobRun current;
  private volatile Thread currentInjection;
  private volatile boolean cancelled;
  private volatile JobExecutionException failure;
  private volatile int restarts;
  private long startNanos;
  private long endNanos;

  /**
   * @param resume start from the latest checkpoint already in the storage (e.g. after the
   *     process was killed), not only after failures of this job
   */
  public LocalJob(JobPlan plan, Clock clock, boolean resume) {
    this.plan = plan;
    this.clock = clock;
    this.resume = resume;
    this.restartStrategy = RestartStrategy.fromConfiguration(plan.configuration());
    this.failureInjector = new FailureInjector(plan.configuration());
    boolean checkpointing = !plan.configuration().get(CheckpointingOptions.INTERVAL).isZero();
    try {
      this.storage = checkpointing || resume ? CheckpointStorage.fromConfiguration(plan.configuration()) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the checkpoint storage: " + e.getMessage(), e);
    }
    if (checkpointing && plan.configuration().get(CheckpointingOptions.DIRECTORY).isEmpty()) {
      log("Checkpoints go to this process's memory (state.checkpoints.dir is not set): the job recovers from "
          + "failures inside this process, but its checkpoints will not survive the process. Set "
          + "state.checkpoints.dir to a folder (or s3://, hdfs://) to keep them.");
    }
  }

  /** Starts the first attempt synchronously (so plan errors surface to the caller), then runs in the background. */
  public LocalJob start() {
    startNanos = System.nanoTime();
    if (resume && storage != null) {
      try {
        if (storage.isFinished()) {
          throw new IllegalStateException("The job whose checkpoints are in " + storage.directory()
              + " already finished: there is nothing to resume (use another directory to run it again)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read checkpoints: " + e.getMessage(), e);
      }
    }
    if (resume && finishRecordedEndOfInput()) {
      return this;
    }
    RestoredState restored = resume ? latestCheckpoint() : null;
    String recoveryPath = plan.configuration().get(StateRecoveryOptions.PATH);
    if (restored == null && !recoveryPath.isEmpty()) {
      initialState = fromSavepoint(recoveryPath);
      restored = initialState;
    } else if (restored != null) {
      StateAssignmentCheck.check(plan, restored.metadata(), "checkpoint " + restored.checkpointId(),
          plan.configuration().get(StateRecoveryOptions.IGNORE_UNCLAIMED_STATE));
    }
    control = io.eddy.runtime.control.JobControlFolder.open(
        io.eddy.runtime.control.JobControlOptions.resolve(
            plan.configuration().get(io.eddy.runtime.control.JobControlOptions.CONTROL_DIR)),
        jobId, plan.jobName(), new ControlHandler());
    JobRun first;
    try {
      startMetrics();
      first = newAttempt(0, restored);
    } catch (RuntimeException | Error e) {
      control.close();
      if (metricRegistry != null) {
        metricRegistry.close();
      }
      throw e;
    }
    Thread supervisor = new Thread(() -> supervise(first), "Eddy job supervisor (" + plan.jobName() + ")");
    supervisor.setDaemon(true);
    supervisor.start();
    return this;
  }

  /**
   * Starts the reporters and registers the job's own metrics, with Flink's names; they read the
   * job's counters, which last across restarts.
   */
  private void startMetrics() {
    metricRegistry = io.eddy.runtime.metrics.MetricRegistry.fromConfiguration(plan.configuration(), plan.jobName());
    metricGroup = metricRegistry.jobGroup(jobId, plan.jobName());
    metricGroup.gauge("numRestarts", (io.eddy.api.metrics.Gauge<Long>) () -> (long) restarts);
    metricGroup.gauge("numberOfCompletedCheckpoints",
        (io.eddy.api.metrics.Gauge<Long>) () -> metrics.get("numCompletedCheckpoints", 0));
    metricGroup.gauge("numberOfFailedCheckpoints",
        (io.eddy.api.metrics.Gauge<Long>) () -> metrics.get("numberOfFailedCheckpoints", 0));
    metricGroup.gauge("lastCheckpointDuration",
        (io.eddy.api.metrics.Gauge<Long>) () -> metrics.get("lastCheckpointDuration", -1));
    metricGroup.gauge("lastCheckpointSize",
        (io.eddy.api.metrics.Gauge<Long>) () -> metrics.get("lastCheckpointSize", -1));
    metricGroup.gauge("lastCheckpointFullSize",
        (io.eddy.api.metrics.Gauge<Long>) () -> metrics.get("lastCheckpointFullSize", -1));
  }

  private JobRun newAttempt(int attempt, RestoredState restored) {
    long firstId = restored == null ? 1 : restored.checkpointId() + 1;
    JobRun run = new JobRun(plan, clock, attempt, metrics, metricGroup, storage, restored, firstId);
    current = run;
    run.start();
    currentInjection = failureInjector.arm(run.tasks());
    return run;
  }

  private RestoredState latestCheckpoint() {
    if (storage == null) {
      return null;
    }
    try {
      Optional<io.eddy.runtime.checkpoint.CheckpointMetadata> latest = storage.latestValid(this::log);
      if (latest.isPresent()) {
        log("Restoring from checkpoint " + latest.get().checkpointId());
        metrics.increment("numRestoresFromCheckpoint");
      }
      return latest.map(m -> new RestoredState(m, storage.fileSystem())).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read checkpoints: " + e.getMessage(), e);
    }
  }

  private RestoredState fromSavepoint(String path) {
    try {
      CheckpointMetadata metadata = CheckpointStorage.loadFolder(path);
      StateAssignmentCheck.check(plan, metadata, path, plan.configuration().get(StateRecoveryOptions.IGNORE_UNCLAIMED_STATE));
      log("Starting from savepoint " + path + " (checkpoint " + metadata.checkpointId() + ")");
      metrics.increment("numRestoresFromSavepoint");
      return new RestoredState(metadata, FileSystems.forPath(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the savepoint " + path + ": " + e.getMessage(), e);
    }
  }

  /** This job's id: 32 hex digits, unique; {@code eddy list} shows it, {@code eddy savepoint} takes it. */
  public String jobId() {
    return jobId;
  }

  @Override
  public CompletableFuture<String> triggerSavepoint(String folder) {
    return savepoint(folder, false).thenApply(CheckpointCoordinator.CompletedSavepoint::folder);
  }

  /**
   * Takes a savepoint with the sources emitting nothing after it, lets every task see it
   * complete (sinks commit), then ends the job: {@link #await} returns normally.
   */
  @Override
  public CompletableFuture<String> stopWithSavepoint(String folder) {
    JobRun run = current;
    CompletableFuture<String> result = new CompletableFuture<>();
    savepoint(folder, true).whenComplete((savepoint, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
        return;
      }
      Thread stopper = new Thread(() -> {
        run.awaitNotified(savepoint.checkpointId());
        stoppedWithSavepoint = savepoint.folder();
        result.complete(savepoint.folder());
        cancelled = true;
        run.cancel();
      }, "Eddy stop-with-savepoint (" + plan.jobName() + ")");
      stopper.setDaemon(true);
      stopper.start();
    });
    return result;
  }

  private CompletableFuture<CheckpointCoordinator.CompletedSavepoint> savepoint(String folder, boolean stop) {
    JobRun run = current;
    if (isDone() || run == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Job '" + plan.jobName() + "' has ended"));
    }
    try {
      return run.triggerSavepoint(savepointTarget(folder), stop);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private CheckpointStorage savepointTarget(String folder) throws IOException {
    String base = folder == null || folder.isEmpty()
        ? plan.configuration().get(CheckpointingOptions.SAVEPOINT_DIRECTORY) : folder;
    if (base.isEmpty()) {
      throw new IllegalArgumentException("No savepoint folder: give one (eddy savepoint JOB FOLDER) or set "
          + CheckpointingOptions.SAVEPOINT_DIRECTORY.key());
    }
    if (FsPaths.scheme(base) == null) {
      base = java.nio.file.Path.of(base).toAbsolutePath().normalize().toString();
    }
    String name = "savepoint-" + jobId.substring(0, 6) + "-" + java.util.UUID.randomUUID().toString().substring(0, 12);
    return CheckpointStorage.forSavepoint(FsPaths.join(base, name));
  }

  /** Requests from other processes (eddy savepoint / stop) arrive here. */
  private final class ControlHandler implements io.eddy.runtime.control.JobControlFolder.Handler {
    @Override
    public CompletableFuture<String> savepoint(String folder, boolean stop) {
      return stop ? stopWithSavepoint(folder) : triggerSavepoint(folder);
    }

    @Override
    public void cancel() {
      LocalJob.this.cancel();
    }
  }

  private void supervise(JobRun run) {
    try {
      while (true) {
        JobRun.Failure f = run.await();
        Thread injection = currentInjection;
        if (injection != null) {
          injection.interrupt();
          injection.join();
        }
        synchronized (checkpoints) {
          checkpoints.addAll(run.completedCheckpoints());
        }
        metricRegistry.reportNow();
        Map<String, Long> operatorCounts = run.closeMetrics();
        if (f == null && !cancelled) {
          operatorCounts.forEach(metrics::add);
          commitEndOfInput(run);
          metrics.add("numInjectedFailures", failureInjector.injected());
          return;
        }
        if (cancelled && stoppedWithSavepoint != null) {
          log("Stopped with savepoint " + stoppedWithSavepoint);
          return;
        }
        if (cancelled) {
          failure = new JobExecutionException("Job '" + plan.jobName() + "' was cancelled", null);
          return;
        }
        long delay = restartStrategy.delayBeforeRestart(restarts + 1);
        if (delay < 0) {
          failure = new JobExecutionException(run.describe(f), JobRun.rootCause(f.cause()));
          return;
        }
        restarts++;
        metrics.increment("numRestarts");
        log("Restart " + restarts + " after failure: " + JobRun.rootCause(f.cause()));
        Thread.sleep(delay);
        if (cancelled) {
          failure = new JobExecutionException("Job '" + plan.jobName() + "' was cancelled", null);
          return;
        }
        try {
          RestoredState latest = latestCheckpoint();
          run = newAttempt(restarts, latest != null ? latest : initialState);
        } catch (RuntimeException e) {
          failure = new JobExecutionException("Job '" + plan.jobName() + "' could not restart: " + e.getMessage(), e);
          return;
        }
      }
    } catch (InterruptedException e) {
      failure = new JobExecutionException("Job '" + plan.jobName() + "' was interrupted", e);
    } catch (Throwable t) {
      failure = new JobExecutionException("Job '" + plan.jobName() + "' failed: " + t, t);
    } finally {
      endNanos = System.nanoTime();
      if (control != null) {
        control.close();
      }
      metricGroup.close();
      metricRegistry.close();
      done.countDown();
    }
  }

  private void commitEndOfInput(JobRun run) throws Exception {
    List<JobRun.PendingCommit<?>> commits = run.pendingEndOfInputCommits();
    if (storage != null && !commits.isEmpty()) {
      EndOfInputRecord.write(storage, commits);
    }
    for (JobRun.PendingCommit<?> commit : commits) {
      commit.commit();
    }
    if (storage != null) {
      storage.markFinished();
    }
  }

  /**
   * If the process died while committing at the end of the input, makes those commits again
   * and finishes the job without running it (see {@link EndOfInputRecord}).
   *
   * @return whether there was such a record
   */
  private boolean finishRecordedEndOfInput() {
    Optional<List<JobRun.PendingCommit<?>>> recorded;
    try {
      recorded = EndOfInputRecord.read(storage);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read checkpoints: " + e.getMessage(), e);
    }
    if (recorded.isEmpty()) {
      return false;
    }
    log("The job had reached the end of its input; committing what it staged after its last checkpoint");
    try {
      for (JobRun.PendingCommit<?> commit : recorded.get()) {
        commit.commit();
      }
      storage.markFinished();
    } catch (Exception e) {
      failure = new JobExecutionException("Job '" + plan.jobName() + "' could not commit its end of input: " + e, e);
    }
    endNanos = System.nanoTime();
    done.countDown();
    return true;
  }

  private void log(String message) {
    System.err.println("eddy: [" + plan.jobName() + "] " + message);
  }

  @Override
  public JobExecutionResult await() throws JobExecutionException, InterruptedException {
    done.await();
    if (failure != null) {
      throw failure;
    }
    return new JobExecutionResult(plan.jobName(), Duration.ofNanos(endNanos - startNanos), metrics.snapshot(),
        metrics.skippedRecords());
  }

  @Override
  public boolean isDone() {
    return done.getCount() == 0;
  }

  @Override
  public void cancel() {
    cancelled = true;
    JobRun run = current;
    if (run != null) {
      run.cancel();
    }
  }

  /** How many times the job restarted after failures so far. */
  public int restarts() {
    return restarts;
  }

  /** Statistics of the checkpoints completed so far (attempts that ended). */
  public List<CompletedCheckpointStats> completedCheckpoints() {
    synchronized (checkpoints) {
      return List.copyOf(checkpoints);
    }
  }
}
