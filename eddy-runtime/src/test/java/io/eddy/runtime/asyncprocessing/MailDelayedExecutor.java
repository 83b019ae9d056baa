package io.eddy.runtime.asyncprocessing;

import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Runs each batch with a real executor, but only when a mail it posts runs: batches complete
 * later, and in whatever order the mailbox picks. Counts the batches it was given. Optionally it
 * answers the requests a predicate picks at once instead ({@link #tryAnswerAtOnce}), as a store
 * does for the requests its caches answer; it then {@linkplain #batchesOnlyIo batches only I/O}.
 */
final class MailDelayedExecutor implements StateExecutor {
  private final StateExecutor delegate;
  private final MailboxExecutor mailbox;
  /** Picks the requests answered at once; null for none. */
  private final Predicate<StateRequest> atOnce;
  int batches;
  /** Every request of every batch it was given, as text, in order. */
  final List<String> requests = new ArrayList<>();

  MailDelayedExecutor(StateExecutor delegate, MailboxExecutor mailbox) {
    this(delegate, mailbox, null);
  }

  MailDelayedExecutor(StateExecutor delegate, MailboxExecutor mailbox, Predicate<StateRequest> atOnce) {
    this.delegate = delegate;
    this.mailbox = mailbox;
    this.atOnce = atOnce;
  }

  @Override
  public boolean tryAnswerAtOnce(StateRequest request) throws Exception {
    if (atOnce == null || !atOnce.test(request)) {
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
    batch.forEach(request -> requests.add(request.toString()));
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

  @Override
  public boolean batchesOnlyIo() {
    return atOnce != null;
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
