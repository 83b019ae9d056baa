package io.eddy.runtime.io;

/** Unwinds a task whose job is being cancelled (it was interrupted while waiting). */
public final class TaskCancelledException extends RuntimeException {
  public TaskCancelledException() {
    super("Task cancelled", null, false, false);
  }
}
