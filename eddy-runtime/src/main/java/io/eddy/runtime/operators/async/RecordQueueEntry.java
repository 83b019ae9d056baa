package io.eddy.runtime.operators.async;

import io.eddy.api.functions.async.CollectionSupplier;
import io.eddy.api.functions.async.ResultFuture;
import io.eddy.runtime.operators.Output;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A record in the queue and the attempts to compute its results. Each invocation of the function
 * (the first, each retry, the timeout handler) gets its own {@link Attempt}, a thread-safe
 * {@link ResultFuture}: its first completion wins and is handed to {@code onCompleted} (the
 * operator's inbox); later ones are ignored, and so is the completion of an attempt that is no
 * longer the record's current one (a late answer after a timeout). The queue side (current
 * attempt, results, retry and deadline bookkeeping) is task thread only.
 */
final class RecordQueueEntry<IN, OUT> implements StreamElementQueueEntry<OUT> {
  private final IN input;
  private final long timestamp;
  private final Consumer<Attempt> onCompleted;
  private Attempt current;
  private int attempts;
  private Collection<OUT> results;
  private long deadline;
  private long retryAt;

  /** One invocation's outcome: results (given, or from a supplier run on the task thread) or an error. */
  final class Attempt implements ResultFuture<OUT> {
    private final AtomicBoolean completed = new AtomicBoolean();
    private final boolean retryable;
    private volatile CollectionSupplier<OUT> supplier;
    private volatile Throwable error;

    private Attempt(boolean retryable) {
      this.retryable = retryable;
    }

    RecordQueueEntry<IN, OUT> entry() {
      return RecordQueueEntry.this;
    }

    boolean isRetryable() {
      return retryable;
    }

    /** The error the attempt completed with; null if it completed with results. */
    Throwable error() {
      return error;
    }

    /** The attempt's results, computed on the task thread. REQUIRES: completed without an error. */
    Collection<OUT> results() throws Exception {
      Collection<OUT> taken = supplier.get();
      return taken == null ? List.of() : taken;
    }

    @Override
    public void complete(Collection<OUT> result) {
      Objects.requireNonNull(result, "The result collection must not be null (complete with an empty one)");
      if (completed.compareAndSet(false, true)) {
        supplier = () -> result;
        onCompleted.accept(this);
      }
    }

    @Override
    public void complete(CollectionSupplier<OUT> resultSupplier) {
      Objects.requireNonNull(resultSupplier, "supplier");
      if (completed.compareAndSet(false, true)) {
        supplier = resultSupplier;
        onCompleted.accept(this);
      }
    }

    @Override
    public void completeExceptionally(Throwable cause) {
      Objects.requireNonNull(cause, "error");
      if (completed.compareAndSet(false, true)) {
        error = cause;
        onCompleted.accept(this);
      }
    }
  }

  RecordQueueEntry(IN input, long timestamp, Consumer<Attempt> onCompleted) {
    this.input = input;
    this.timestamp = timestamp;
    this.onCompleted = onCompleted;
  }

  IN input() {
    return input;
  }

  /** Invocations so far (1 after the first). */
  int attempts() {
    return attempts;
  }

  long deadline() {
    return deadline;
  }

  void setDeadline(long deadline) {
    this.deadline = deadline;
  }

  /** Starts the next invocation: the future to hand to the function. */
  Attempt nextAttempt() {
    attempts++;
    current = new Attempt(true);
    return current;
  }

  /** Starts the timeout handler's invocation: its outcome is final, and the one in flight is ignored. */
  Attempt timeoutAttempt() {
    current = new Attempt(false);
    return current;
  }

  /** Whether {@code attempt} is the one whose outcome counts. */
  boolean isCurrent(Attempt attempt) {
    return attempt == current;
  }

  /** When the next attempt is due, while the record waits for one. */
  long retryAt() {
    return retryAt;
  }

  void setRetryAt(long retryAt) {
    this.retryAt = retryAt;
  }

  /** Completes the record with its results; it is done. */
  void setResults(Collection<OUT> taken) {
    results = taken;
  }

  /** The failure of the job when the record completed with {@code error}. */
  Exception failure(Throwable error) {
    return new Exception("Could not complete the stream element: " + input + ".", error);
  }

  @Override
  public boolean isDone() {
    return results != null;
  }

  @Override
  public void emitResult(Output<OUT> output) {
    for (OUT value : results) {
      output.collect(value, timestamp);
    }
  }

  @Override
  public StoredElement stored() {
    return StoredElement.record(input, timestamp);
  }
}
