package io.eddy.runtime.operators.async;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.AsyncRetryPredicate;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.runtime.io.TaskCancelledException;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.time.ProcessingTimeService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Flink's AsyncWaitOperator: invokes an {@link AsyncFunction} per record and keeps the record in
 * a bounded {@link StreamElementQueue} until its results are emitted; watermarks queue behind the
 * records before them.
 *
 * <p>Threads: requests complete on any thread, into this operator's inbox, and a mail to the task
 * ({@link OperatorContext#mailbox()}, one per batch of completions) makes the task thread take
 * them and emit what the queue allows, also while no input arrives. Everything else runs on the
 * task thread. When the queue is full (and at the end of input) the task thread waits here for
 * completions and timeouts, running nothing else of the task (so no checkpoint starts while a
 * record is half processed).
 *
 * <p>Timeouts: each record gets a deadline {@code timeout} after its first invocation; a
 * processing-time callback at the earliest deadline calls the function's {@code timeout} for the
 * records still incomplete then (on the task thread). Retries ({@code ...WithRetry}): an outcome
 * the strategy's predicate matches invokes the function again after the strategy's backoff (a
 * processing-time callback), within the same deadline; at the end of input waiting retries run at
 * once, as the last attempts (and attempts in flight are the last). While the task waits here, it
 * runs due timeouts and retries itself.
 *
 * <p>Checkpoints keep every element in the queue (done or not: its results were not emitted) as
 * one list entry per subtask, so that at an unchanged parallelism each subtask gets its own queue
 * back whole; after a restore the elements are processed again, in queue order, at open.
 */
public final class AsyncWaitOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  /** Flink's name for the operator list state of the queued elements. */
  static final String STATE_NAME = "_async_wait_operator_state_";
  private static final long MAX_WAIT_MILLIS = 100;

  private final AsyncFunction<IN, OUT> function;
  private final long timeoutMillis;
  private final StreamElementQueue<OUT> queue;
  private final ProcessingTimeService timeService;
  private final AsyncRetryStrategy<OUT> retryStrategy;
  private final LinkedBlockingQueue<RecordQueueEntry<IN, OUT>.Attempt> inbox = new LinkedBlockingQueue<>();
  private final AtomicBoolean mailPending = new AtomicBoolean();
  /** Incomplete records with a deadline, in invocation order (so in deadline order). */
  private final LinkedHashSet<RecordQueueEntry<IN, OUT>> timeouts = new LinkedHashSet<>();
  private long timeoutCheckAt = Long.MAX_VALUE;
  /** Records waiting for their next attempt (at most the capacity), in no particular order of time. */
  private final LinkedHashSet<RecordQueueEntry<IN, OUT>> awaitingRetry = new LinkedHashSet<>();
  private boolean retriesDisabled;

  public AsyncWaitOperator(OperatorContext context, Output<OUT> output, AsyncFunction<IN, OUT> function,
      long timeoutMillis, int capacity, AsyncDataStream.OutputMode mode, AsyncRetryStrategy<OUT> retryStrategy) {
    super(context, output, null);
    this.function = function;
    this.timeoutMillis = timeoutMillis;
    this.retryStrategy = retryStrategy;
    this.queue = mode == AsyncDataStream.OutputMode.ORDERED
        ? new OrderedStreamElementQueue<>(capacity)
        : new UnorderedStreamElementQueue<>(capacity);
    this.timeService = context.processingTimeService();
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  /**
   * Processes the restored queues again. One queue (this subtask's own at an unchanged
   * parallelism) is replayed as it was, watermarks included. Several (the parallelism went down)
   * are replayed without their watermarks: one old subtask's watermark says nothing of another's
   * records, and dropping a watermark is always safe (the input sends newer ones).
   */
  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    super.open();
    List<Object> queues = context.restoredList(STATE_NAME);
    boolean withWatermarks = queues.size() == 1;
    for (Object queued : queues) {
      for (StoredElement element : (List<StoredElement>) queued) {
        if (!element.isWatermark()) {
          processElement((IN) element.value(), element.timestamp());
        } else if (withWatermarks) {
          processWatermark(element.timestamp());
        }
      }
    }
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    waitForCapacity();
    RecordQueueEntry<IN, OUT> entry = new RecordQueueEntry<>(value, timestamp, this::onCompleted);
    queue.add(entry);
    if (timeoutMillis > 0) {
      entry.setDeadline(timeService.now() + timeoutMillis);
      timeouts.add(entry);
      scheduleTimeoutCheck();
    }
    function.asyncInvoke(value, entry.nextAttempt());
    emitCompleted();
  }

  /**
   * Queues the watermark behind the records before it. One not above the last is ignored: after a
   * restore the replayed queue's watermark may be ahead of what the input sends first.
   */
  @Override
  public void processWatermark(long watermark) throws Exception {
    if (watermark <= currentWatermark) {
      return;
    }
    waitForCapacity();
    queue.add(new WatermarkQueueEntry<>(watermark));
    currentWatermark = watermark;
    emitCompleted();
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    Map<String, List<Object>> lists = new HashMap<>(super.snapshotOperatorState(checkpointId));
    lists.put(STATE_NAME, List.of(new ArrayList<>(queue.stored())));
    return lists;
  }

  /** End of input: runs the waiting retries now, as the last attempts, and waits until every queued element was emitted. */
  @Override
  public void finish() throws Exception {
    retriesDisabled = true;
    for (RecordQueueEntry<IN, OUT> entry : new ArrayList<>(awaitingRetry)) {
      retry(entry);
    }
    while (!queue.isEmpty()) {
      waitForProgress();
    }
    super.finish();
  }

  /** Any thread: a request completed; the task thread takes it at its next chance. */
  private void onCompleted(RecordQueueEntry<IN, OUT>.Attempt attempt) {
    inbox.add(attempt);
    if (mailPending.compareAndSet(false, true)) {
      context.mailbox().execute(() -> {
        mailPending.set(false);
        try {
          emitCompleted();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      });
    }
  }

  /** Takes the completions that arrived and emits what the queue lets go. */
  private void emitCompleted() throws Exception {
    takeArrived();
    queue.emitCompleted(output);
  }

  private void takeArrived() throws Exception {
    RecordQueueEntry<IN, OUT>.Attempt attempt;
    while ((attempt = inbox.poll()) != null) {
      take(attempt);
    }
  }

  /**
   * Takes an attempt's outcome: a retry if the strategy wants one, else the record is done with
   * its results, or its error fails the job. The outcome of an attempt that is no longer the
   * record's current one is ignored.
   */
  private void take(RecordQueueEntry<IN, OUT>.Attempt attempt) throws Exception {
    RecordQueueEntry<IN, OUT> entry = attempt.entry();
    if (!entry.isCurrent(attempt)) {
      return;
    }
    Throwable error = attempt.error();
    Collection<OUT> results = error == null ? attempt.results() : null;
    if (attempt.isRetryable() && shouldRetry(entry, results, error)) {
      entry.setRetryAt(timeService.now() + retryStrategy.getBackoffTimeMillis(entry.attempts()));
      awaitingRetry.add(entry);
      timeService.schedule(entry.retryAt(), time -> {
        fireRetries();
        emitCompleted();
      });
      return;
    }
    if (error != null) {
      throw entry.failure(error);
    }
    timeouts.remove(entry);
    entry.setResults(results);
    queue.onCompleted(entry);
  }

  private boolean shouldRetry(RecordQueueEntry<IN, OUT> entry, Collection<OUT> results, Throwable error) {
    if (retriesDisabled || !retryStrategy.canRetry(entry.attempts())) {
      return false;
    }
    AsyncRetryPredicate<OUT> predicate = retryStrategy.getRetryPredicate();
    return error == null
        ? predicate.resultPredicate().map(p -> p.test(results)).orElse(false)
        : predicate.exceptionPredicate().map(p -> p.test(error)).orElse(false);
  }

  /** Invokes the function again for the records whose backoff passed. */
  private void fireRetries() throws Exception {
    if (awaitingRetry.isEmpty()) {
      return;
    }
    long now = timeService.now();
    for (RecordQueueEntry<IN, OUT> entry : new ArrayList<>(awaitingRetry)) {
      if (entry.retryAt() <= now) {
        retry(entry);
      }
    }
  }

  private void retry(RecordQueueEntry<IN, OUT> entry) throws Exception {
    awaitingRetry.remove(entry);
    function.asyncInvoke(entry.input(), entry.nextAttempt());
  }

  private void waitForCapacity() throws Exception {
    while (!queue.hasCapacity()) {
      waitForProgress();
    }
  }

  /**
   * Waits on the task thread for a completion, the next deadline or the next retry (at most
   * {@value #MAX_WAIT_MILLIS} ms at a time, so a clock that jumps is seen), then handles what is due.
   */
  private void waitForProgress() throws Exception {
    long next = timeouts.isEmpty() ? Long.MAX_VALUE : timeouts.getFirst().deadline();
    for (RecordQueueEntry<IN, OUT> entry : awaitingRetry) {
      next = Math.min(next, entry.retryAt());
    }
    long waitMillis = Math.max(0, Math.min(next - timeService.now(), MAX_WAIT_MILLIS));
    RecordQueueEntry<IN, OUT>.Attempt attempt;
    try {
      attempt = waitMillis == 0 ? inbox.poll() : inbox.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskCancelledException();
    }
    if (attempt != null) {
      take(attempt);
    }
    fireTimeouts();
    fireRetries();
    emitCompleted();
  }

  private void scheduleTimeoutCheck() {
    if (!timeouts.isEmpty()) {
      long first = timeouts.getFirst().deadline();
      if (first < timeoutCheckAt) {
        timeoutCheckAt = first;
        timeService.schedule(first, time -> {
          timeoutCheckAt = Long.MAX_VALUE;
          fireTimeouts();
          emitCompleted();
        });
      }
    }
  }

  /**
   * Calls the function's {@code timeout} for every incomplete record whose deadline passed (after
   * taking the outcomes that arrived), with a final attempt: the one in flight, or a waiting
   * retry, no longer counts.
   */
  private void fireTimeouts() throws Exception {
    long now = timeService.now();
    if (timeouts.isEmpty() || timeouts.getFirst().deadline() > now) {
      return;
    }
    takeArrived();
    while (!timeouts.isEmpty() && timeouts.getFirst().deadline() <= now) {
      RecordQueueEntry<IN, OUT> entry = timeouts.removeFirst();
      awaitingRetry.remove(entry);
      function.timeout(entry.input(), entry.timeoutAttempt());
    }
    scheduleTimeoutCheck();
  }
}
