package io.eddy.api.execution;

import java.util.concurrent.CompletableFuture;

/** A handle on a running job. Thread-safe. */
public interface JobClient {
  /** Waits for the job to end; throws {@link JobExecutionException} if it failed or was cancelled. */
  JobExecutionResult await() throws JobExecutionException, InterruptedException;

  boolean isDone();

  /** Stops the job; {@link #await} then throws. */
  void cancel();

  /**
   * Takes a savepoint of the running job into a new folder under {@code savepointDirectory}
   * (null: {@code state.savepoints.dir}); completes with the savepoint's folder, from which a job
   * can start ({@code execution.state-recovery.path}).
   */
  CompletableFuture<String> triggerSavepoint(String savepointDirectory);

  /**
   * Takes a savepoint after which the sources emit nothing, lets the job see it complete (sinks
   * commit), then ends the job; {@link #await} then returns normally. Completes with the
   * savepoint's folder.
   */
  CompletableFuture<String> stopWithSavepoint(String savepointDirectory);
}
