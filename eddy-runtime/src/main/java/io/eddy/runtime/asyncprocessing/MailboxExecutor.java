package io.eddy.runtime.asyncprocessing;

/**
 * What the asynchronous execution controller needs of its task's mailbox: a thread-safe way to
 * hand work to the task thread (completed state I/O comes back this way), and a way for the task
 * thread to run handed-over work while it waits (draining before a watermark or barrier, and
 * backpressure when too many records are in flight). The task gives one to each operator
 * ({@code OperatorContext.mailbox()}); everything given to {@link #execute} runs on the task
 * thread, one mail at a time, in the order given. {@link #yield} and {@link #tryYield} run only
 * the mail of the operator that calls them, so an operator waiting for its own completions is
 * never re-entered by other work (a checkpoint, another operator's output).
 */
public interface MailboxExecutor extends java.util.concurrent.Executor {
  /** Hands {@code mail} to the task thread. Thread-safe; never blocks. */
  void execute(Runnable mail, String description);

  /** Hands {@code mail} to the task thread, as {@link #execute(Runnable, String)}. */
  @Override
  default void execute(Runnable mail) {
    execute(mail, "mail");
  }

  /**
   * Runs one mail on the calling task thread, waiting for one if there is none. Exceptions of the
   * mail propagate (they fail the task).
   *
   * @throws InterruptedException if the task thread is interrupted (the task is being cancelled)
   */
  void yield() throws InterruptedException;

  /** Runs one mail if there is one; returns whether it did. Task thread only. */
  boolean tryYield();
}
