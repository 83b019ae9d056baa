package io.eddy.runtime.tasks;

import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.io.TaskCancelledException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One operator's door to its task's {@link Mailbox} (Flink gives each operator a mailbox
 * executor too). Mail handed over here waits in the operator's own FIFO, and an ordinary mail of
 * the task's mailbox runs the oldest of it, so the task runs it between input steps; the operator
 * itself may run its mail early ({@link #tryYield}) or wait for it ({@link #yield}) without ever
 * running anything else (checkpoints, other operators' completions), which could re-enter it.
 * What a mail throws is wrapped to name the operator. Waiting in {@link #yield} sleeps on the
 * operator's own queue (not on the task's input, which may have data waiting and would make the
 * wait spin, taking the CPU from the I/O threads it waits for).
 *
 * <p>Thread safety: {@link #execute} from any thread; {@link #yield}, {@link #tryYield} on the
 * task thread.
 */
final class OperatorMailbox implements MailboxExecutor {
  private final Mailbox mailbox;
  private final String operatorName;
  private final LinkedBlockingQueue<Runnable> mails = new LinkedBlockingQueue<>();

  OperatorMailbox(Mailbox mailbox, String operatorName) {
    this.mailbox = mailbox;
    this.operatorName = operatorName;
  }

  @Override
  public void execute(Runnable mail, String description) {
    mails.add(mail);
    mailbox.put(this::tryYield);
  }

  @Override
  public boolean tryYield() {
    Runnable mail = mails.poll();
    if (mail == null) {
      return false;
    }
    run(mail);
    return true;
  }

  @Override
  public void yield() throws InterruptedException {
    run(mails.take());
  }

  private void run(Runnable mail) {
    try {
      mail.run();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OperatorException(operatorName, e);
    }
  }
}
