package io.eddy.runtime.asyncprocessing;

import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each batch with a real executor, but only when a mail it posts runs: batches complete
 * later, and in whatever order the mailbox picks. Counts the batches it was given. Optionally it
 * answers a random share of requests at once instead ({@link #tryAnswerAtOnce}), as a store does
 * for the requests its caches answer.
 */
final class MailDelayedExecutor implements StateExecutor {
  private final StateExecutor delegate;
  private final MailboxExecutor mailbox;
  /** Decides which requests are answered at once; null for none. */
  private final Random atOnce;
  int batches;

  MailDelayedExecutor(StateExecutor delegate, MailboxExecutor mailbox) {
    this(delegate, mailbox, null);
  }

  MailDelayedExecutor(StateExecutor delegate, MailboxExecutor mailbox, Random atOnce) {
    this.delegate = delegate;
    this.mailbox = mailbox;
    this.atOnce = atOnce;
  }

  @Override
  public boolean tryAnswerAtOnce(StateRequest request) throws Exception {
    if (atOnce == null || atOnce.nextInt(3) > 0) {
      return false;
    }
    CompletableFuture<Void> done = delegate.executeBatch(List.of(request));
    if (done.isCompletedExceptionally()) {
      done.join();
    }
    return true;
  }

  @Override
  public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
    batches++;
    CompletableFuture<Void> done = new CompletableFuture<>();
    mailbox.execute(() -> delegate.executeBatch(batch).whenComplete((v, e) -> {
      if (e != null) {
        done.completeExceptionally(e);
      } else {
        done.complete(null);
      }
    }), "delayed state batch");
    return done;
  }

  /** Its results come later, as an I/O executor's do. */
  @Override
  public boolean readsOffTaskThread() {
    return true;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
