package io.eddy.api.execution;

/** A handle on a running job. Thread-safe. */
public interface JobClient {
  /** Waits for the job to end; throws {@link JobExecutionException} if it failed or was cancelled. */
  JobExecutionResult await() throws JobExecutionException, InterruptedException;

  boolean isDone();

  /** Stops the job; {@link #await} then throws. */
  void cancel();
}
