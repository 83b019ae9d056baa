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
 * A record in the queue and the {@link ResultFuture} its request completes. The future side is
 * thread-safe: the first completion (results, a supplier of results, or an error) wins and is
 * handed to {@code onCompleted} (the operator's inbox); later ones are ignored. The queue side
 * ({@link #take}, {@link #isDone}, {@link #emitResult}, the timeout deadline) is task thread only:
 * the operator takes a completion from its inbox, which makes the entry done.
 */
final class RecordQueueEntry<IN, OUT> implements StreamElementQueueEntry<OUT>, ResultFuture<OUT> {
  private final IN input;
  private final long timestamp;
  private final Consumer<RecordQueueEntry<IN, OUT>> onCompleted;
  private final AtomicBoolean completed = new AtomicBoolean();
  private volatile CollectionSupplier<OUT> outcome;
  private Collection<OUT> results;
  private long deadline;

  RecordQueueEntry(IN input, long timestamp, Consumer<RecordQueueEntry<IN, OUT>> onCompleted) {
    this.input = input;
    this.timestamp = timestamp;
    this.onCompleted = onCompleted;
  }

  IN input() {
    return input;
  }

  long deadline() {
    return deadline;
  }

  void setDeadline(long deadline) {
    this.deadline = deadline;
  }

  /** Whether the request completed in any way (any thread); the entry is done only once taken. */
  boolean isCompleted() {
    return completed.get();
  }

  @Override
  public void complete(Collection<OUT> result) {
    Objects.requireNonNull(result, "The result collection must not be null (complete with an empty one)");
    completeWith(() -> result);
  }

  @Override
  public void complete(CollectionSupplier<OUT> supplier) {
    completeWith(Objects.requireNonNull(supplier, "supplier"));
  }

  @Override
  public void completeExceptionally(Throwable error) {
    Objects.requireNonNull(error, "error");
    completeWith(() -> {
      throw new Exception("Could not complete the stream element: " + input + ".", error);
    });
  }

  private void completeWith(CollectionSupplier<OUT> supplier) {
    if (completed.compareAndSet(false, true)) {
      outcome = supplier;
      onCompleted.accept(this);
    }
  }

  /**
   * Takes the outcome on the task thread: the entry is done with its results, or the error of
   * an exceptional completion (or of the supplier) is thrown.
   */
  void take() throws Exception {
    Collection<OUT> taken = outcome.get();
    results = taken == null ? List.of() : taken;
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
