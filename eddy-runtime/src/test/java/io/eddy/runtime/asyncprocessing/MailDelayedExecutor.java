package io.eddy.runtime.asyncprocessing;

import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each batch with a real executor, but only when a mail it posts runs: batches complete
 * later, and in whatever order the mailbox picks. Counts the batches it was given.
 */
final class MailDelayedExecutor implements StateExecutor {
  private final StateExecutor delegate;
  private final MailboxExecutor mailbox;
  int batches;

  MailDelayedExecutor(StateExecutor delegate, MailboxExecutor mailbox) {
    this.delegate = delegate;
    this.mailbox = mailbox;
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
