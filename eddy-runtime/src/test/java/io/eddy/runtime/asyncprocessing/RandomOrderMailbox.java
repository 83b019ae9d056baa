package io.eddy.runtime.asyncprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A single-threaded {@link MailboxExecutor} that runs its mails in a random order: with {@link
 * MailDelayedExecutor} it makes state requests complete in any order the controller must cope with.
 * {@link #yield()} with no mail fails, since nothing could ever arrive: the controller waited for
 * work it had not sent.
 */
final class RandomOrderMailbox implements MailboxExecutor {
  private final List<Runnable> mails = new ArrayList<>();
  private final Random random;

  RandomOrderMailbox(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public void execute(Runnable mail, String description) {
    mails.add(mail);
  }

  @Override
  public void yield() {
    if (!tryYield()) {
      throw new IllegalStateException("the controller waits, but no mail can come");
    }
  }

  @Override
  public boolean tryYield() {
    if (mails.isEmpty()) {
      return false;
    }
    mails.remove(random.nextInt(mails.size())).run();
    return true;
  }

  int pending() {
    return mails.size();
  }
}
