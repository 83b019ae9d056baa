package io.eddy.api.execution;

/** A job failed; the cause is the first failure, and the message names the operator and subtask. */
public class JobExecutionException extends Exception {
  public JobExecutionException(String message, Throwable cause) {
    super(message, cause);
  }
}
