package io.eddy.runtime.asyncprocessing;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A plain FIFO {@link MailboxExecutor}: any thread adds mail, the thread driving it takes it. For
 * tests and whoever drives a controller without a task (a task gives its operators their own
 * executor over its mailbox).
 *
 * <p>Thread safety: {@link #execute} from any thread; {@link #yield}, {@link #tryYield} and
 * {@link #runAll} from the one task thread.
 */
public final class TaskMailbox implements MailboxExecutor {
  private final LinkedBlockingQueue<Runnable> mails = new LinkedBlockingQueue<>();

  @Override
  public void execute(Runnable mail, String description) {
    mails.add(mail);
  }

  @Override
  public void yield() throws InterruptedException {
    mails.take().run();
  }

  @Override
  public boolean tryYield() {
    Runnable mail = mails.poll();
    if (mail == null) {
      return false;
    }
    mail.run();
    return true;
  }

  /** Runs the mails there are now and those they add, until none is left; returns how many ran. */
  public int runAll() {
    int ran = 0;
    while (tryYield()) {
      ran++;
    }
    return ran;
  }
}
