package io.eddy.runtime.tasks;

import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.io.TaskCancelledException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One operator's door to its task's {@link Mailbox} (Flink gives each operator a mailbox
 * executor too). Mail handed over here waits in the operator's own FIFO, and an ordinary mail of
 * the task's mailbox runs the oldest of it, so the task runs it between input steps; the operator
 * itself may run its mail early ({@link #tryYield}) or wait for it ({@link #yield}) without ever
 * running anything else (checkpoints, other operators' completions), which could re-enter it.
 * What a mail throws is wrapped to name the operator.
 *
 * <p>Thread safety: {@link #execute} from any thread; {@link #yield}, {@link #tryYield} on the
 * task thread.
 */
final class OperatorMailbox implements MailboxExecutor {
  private final Mailbox mailbox;
  private final String operatorName;
  private final ConcurrentLinkedQueue<Runnable> mails = new ConcurrentLinkedQueue<>();

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
    try {
      mail.run();
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OperatorException(operatorName, e);
    }
    return true;
  }

  @Override
  public void yield() throws InterruptedException {
    while (!tryYield()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      mailbox.awaitMail();
    }
  }
}
