package io.eddy.runtime.asyncprocessing;

import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.state.v2.StateCallbackException;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.state.InternalKvState;
import io.eddy.state.VoidNamespace;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import io.eddy.state.async.StateRequestType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Runs the records of one keyed operator subtask in the asynchronous execution model: each
 * record's CPU work on the task thread, its state requests batched to a {@link StateExecutor}
 * (whose I/O may run on other threads), and the callbacks back on the task thread through the
 * {@link MailboxExecutor}, in the record's key context. Two guarantees (Flink's):
 *
 * <ul>
 *   <li><b>Per-key order.</b> A record starts only when no earlier record of its key is in flight;
 *       until then it waits in the blocking buffer (records of other keys go ahead). So the
 *       records and timers of one key see each other's state changes in arrival order, exactly
 *       as in the synchronous model.
 *   <li><b>Bounded work in flight.</b> At most {@code inFlightRecordsLimit} records are started
 *       and not finished; {@link #processRecord} waits (running mail) while the limit is reached,
 *       which back-pressures the task's input.
 * </ul>
 *
 * <p>Requests collect in the active buffer and go to the executor as one batch when it holds
 * {@code bufferSize} requests, when it is older than {@code bufferTimeout}, or when the task must
 * wait for them (draining, or the in-flight limit reached), as Flink's controller does: not
 * eagerly, so that the requests of records whose keys are free keep filling the batch (but see
 * below: executors that batch only I/O, and closed epochs). A record is finished when its
 * processing returned and every request it (or its callbacks) issued has been answered and its
 * callbacks ran.
 *
 * <p>An executor that {@linkplain StateExecutor#answersAtOnce answers at once} (state in memory)
 * gets each request as it is issued instead, and the record's future is complete when returned,
 * as with Flink's adaptor of synchronous backends: a record then finishes when its processing
 * returns, and the guarantees above hold trivially.
 *
 * <p>A request of a key with no request unanswered (none buffered or in flight, of this record or
 * the one that handed it the key) that the executor can answer without I/O ({@link
 * StateExecutor#tryAnswerAtOnce}: a write, a read its caches hold) is answered as it is issued,
 * and its future comes back completed: a hot key whose state is cached advances at the speed of
 * the task thread, not one batch round trip per record, and the result is the one the batch would
 * give, since nothing of the key is pending. When the executor answers so everything that needs no
 * I/O ({@link StateExecutor#batchesOnlyIo}), the buffer holds only reads that wait for I/O and the
 * requests of their keys behind them: it is then also sent whenever no batch is in flight, so that
 * a cache miss waits for one round trip, not for 999 more misses, the timeout or the in-flight
 * limit (while its key's records pile up behind it); misses issued while a batch is in flight
 * go together in the next one.
 *
 * <p><b>Hot keys.</b> A record whose only unanswered requests are writes still in the active
 * buffer, with nothing waiting on their futures ({@link StateFutureImpl#hasDependentWork}), can no
 * longer run code nor read: its key passes to the next record of the key at once, whose requests
 * then follow those writes in the same batch (the executor answers a batch's requests as if run
 * one after another). So a key's successive records advance one batch round trip apart each,
 * not two (read, then write), and a hot key does not hold the whole stream to one record per
 * batch: records of other keys keep filling it. The record handing over stays in flight (drains
 * and the in-flight limit count it) until its writes are answered.
 *
 * <p><b>Epochs.</b> A watermark (and the timers it fires) is non-record input: {@link
 * #processNonRecord} closes the current epoch ({@link EpochManager}) and returns; the non-record
 * acts once every record of the epoch is finished. The task goes on reading input meanwhile, but
 * a record of a later epoch only waits (admitted, counted in flight, in the gated queue) until
 * the epochs before its own finished: so event time, timers and the order of outputs around the
 * watermark are exactly the synchronous model's, while the input no longer stops at every
 * watermark. A record that waits so prefetches its reads meanwhile (the operator's PREFETCH step,
 * and the states its input's records were seen to read as they start: {@link ReadProfile}), so
 * that the I/O of later epochs overlaps that of the epoch draining. While a closed epoch waits,
 * the buffer goes to the executor whenever no batch is in flight rather than by batch size (what
 * a round trip collects goes together, the timers an epoch's trigger fires too, not a batch per
 * record, which the executor's few read threads would serve a few at a time). Checkpoint barriers
 * and the end of input wait for everything ({@link #drainInflightRecords}), as Flink's {@code
 * SERIAL_BETWEEN_EPOCH}.
 *
 * <p>Threading: every method on the task thread, except that the executor's completion may come
 * from any thread (it only posts mail). Not reentrant from state callbacks: waiting for requests
 * inside a callback or a record's processing would wait for itself and is refused.
 */
public final class AsyncExecutionController<K> implements AutoCloseable {
  /** Requests whose answer is only that they were applied: a record left with these reads nothing more. */
  private static final Set<StateRequestType> WRITES = EnumSet.of(StateRequestType.CLEAR, StateRequestType.VALUE_UPDATE,
      StateRequestType.LIST_ADD, StateRequestType.LIST_ADD_ALL, StateRequestType.LIST_UPDATE, StateRequestType.MAP_PUT,
      StateRequestType.MAP_PUT_ALL, StateRequestType.MAP_REMOVE, StateRequestType.REDUCING_ADD,
      StateRequestType.AGGREGATING_ADD);

  /** A state entry: a state (by identity), a key and a namespace. */
  private record Entry(InternalKvState<?> state, Object key, Object namespace) {}

  private final String operatorName;
  private final MailboxExecutor mailbox;
  private final StateExecutor executor;
  private final Consumer<K> keySetter;
  private final AsyncStateSettings settings;
  /** Whether the executor answers each request before returning: requests then skip the buffer. */
  private final boolean answersAtOnce;
  /** Whether what the executor does not answer at once waits for I/O: the buffer goes out once no batch is in flight. */
  private final boolean batchesOnlyIo;
  /** The context of every record of an executor that answers at once: each finishes before the next starts. */
  private final RecordContext<K> atOnce = new RecordContext<>(null, null, null);

  private final Map<K, RecordContext<K>> keyOwners = new HashMap<>();
  private final Map<K, ArrayDeque<RecordContext<K>>> blocking = new HashMap<>();
  private final ArrayDeque<RecordContext<K>> ready = new ArrayDeque<>();
  /** Records of epochs that may not start yet (an earlier epoch is unfinished), in arrival order. */
  private final ArrayDeque<RecordContext<K>> gated = new ArrayDeque<>();
  private final EpochManager epochs = new EpochManager(this::admitGated);
  private final BatchSizeHistogram batchSizes = new BatchSizeHistogram();
  private List<PendingRequest<K>> active = new ArrayList<>();
  /** Prefetches of records waiting for an earlier epoch, not sent yet ({@link #prefetchAhead}). */
  private List<StateRequest> aheadBuffer = new ArrayList<>();
  /** The entries of the prefetches ahead buffered or in flight. */
  private final Set<Entry> aheadPending = new HashSet<>();
  private int aheadBatchesInFlight;
  /** The profile of the record whose processing is starting: it learns the reads issued meanwhile. */
  private ReadProfile learning;
  private RecordContext<K> current;
  private boolean runningReady;
  private int inFlightRecords;
  private int blockingRecords;
  private int batchesInFlight;
  /** Requests the executor answered as they were issued, without a batch. */
  private long requestsAnsweredAtOnce;
  private long generation;
  private ScheduledFuture<?> timeout;

  /**
   * @param operatorName named in every error, so that misuse points at the operator
   * @param keySetter makes a key the current key of the operator (and its backend)
   */
  public AsyncExecutionController(String operatorName, MailboxExecutor mailbox, StateExecutor executor,
      Consumer<K> keySetter, AsyncStateSettings settings) {
    this.operatorName = operatorName;
    this.mailbox = mailbox;
    this.executor = executor;
    this.keySetter = keySetter;
    this.settings = settings;
    this.answersAtOnce = executor.answersAtOnce();
    this.batchesOnlyIo = executor.batchesOnlyIo();
  }

  /**
   * Runs {@code processing} for a record (or timer) of {@code key} in that key's context: now if no
   * record of the key is in flight, else after the ones before it. Waits first while the in-flight
   * limit is reached. Exceptions of the processing propagate when it runs at once; later ones
   * propagate from the mail that ran it.
   */
  public void processRecord(K key, Runnable processing) {
    processRecord(key, null, processing);
  }

  /**
   * As {@link #processRecord(Object, Runnable)}, with {@code onEnter} run (after the key is set)
   * each time the record's processing or one of its callbacks is about to run: it restores what
   * else the operator keeps per record, such as the timestamp its collector stamps outputs with.
   */
  public void processRecord(K key, Runnable onEnter, Runnable processing) {
    processRecord(key, onEnter, null, null, processing);
  }

  /**
   * As {@link #processRecord(Object, Runnable, Runnable)}; in addition, while the record waits for
   * an earlier epoch its reads are prefetched, so that they overlap the I/O of the epochs before
   * it: {@code ahead} (may be null) issues PREFETCH requests (side-effect free, {@link
   * StateRequestType#PREFETCH}), and so are the states {@code profile} (may be null) learnt in the
   * void namespace. {@code profile} learns the reads this record's processing issues as it starts.
   */
  public void processRecord(K key, Runnable onEnter, ReadProfile profile, Runnable ahead, Runnable processing) {
    if (current != null) {
      throw misuse("a record of key " + key + " was started while the record of key " + current.key
          + " is being processed; records are started by the task, not from state callbacks");
    }
    if (answersAtOnce) {
      runAnsweredAtOnce(key, onEnter, processing);
      return;
    }
    // timers fired by an epoch's trigger overdraw the limit: the trigger may run inside a delivery
    while (inFlightRecords >= settings.inFlightRecordsLimit() && !epochs.inTrigger()) {
      waitForProgress("the in-flight records limit (" + settings.inFlightRecordsLimit() + ")");
    }
    RecordContext<K> context = new RecordContext<>(key, onEnter, processing);
    context.profile = profile;
    inFlightRecords++;
    context.epoch = epochs.onRecord();
    if (epochs.mayStart(context.epoch)) { // then every gated record is of a later epoch
      admit(context);
      runReady();
    } else {
      gated.add(context);
      prefetchAhead(context, ahead);
    }
    // a timer fired by an epoch's trigger: its requests wait for the others it fires (unless the buffer is full)
    triggerIfNeeded(!epochs.inTrigger() && sendEarly());
    sendAhead();
  }

  /**
   * Issues the prefetches of a record that waits for an earlier epoch, in a context of its key that
   * is not the record: they belong to no record, nothing waits for them, and their answers only
   * fill the caches. They may run beside requests of the same key in flight, which a PREFETCH
   * changes nothing of.
   */
  private void prefetchAhead(RecordContext<K> record, Runnable ahead) {
    List<InternalKvState<?>> learnt = record.profile == null ? List.of() : record.profile.states();
    if ((ahead == null && learnt.isEmpty()) || keyOwners.containsKey(record.key)) {
      return; // (a record of the key in flight brings its entries in)
    }
    RecordContext<K> prefetching = new RecordContext<>(record.key, record.onEnter, null);
    prefetching.ahead = true;
    enter(prefetching);
    try {
      if (ahead != null) {
        ahead.run();
      }
      for (InternalKvState<?> state : learnt) {
        handleRequest("(prefetch ahead)", StateRequestType.PREFETCH, state, VoidNamespace.INSTANCE, null, null);
      }
    } finally {
      current = null;
    }
  }

  /**
   * A request issued while prefetching ahead: sent with the other prefetches unless the caches hold
   * it already or the same entry is being prefetched (records of a hot key wait together).
   */
  private StateFuture<Void> requestAhead(String stateName, StateRequestType type, InternalKvState<?> state,
      Object namespace) {
    if (type != StateRequestType.PREFETCH) {
      throw misuse("state '" + stateName + "' got a " + type + " request while the reads of a record of key "
          + current.key + " were prefetched ahead; only prefetches may run before a record starts");
    }
    StateRequest request = new StateRequest(type, state, current.key, namespace, null, null);
    Entry entry = new Entry(state, current.key, namespace);
    try {
      if (!aheadPending.contains(entry) && !executor.tryAnswerAtOnce(request)) {
        aheadBuffer.add(request);
        aheadPending.add(entry);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Operator '" + operatorName + "': prefetching " + request + " failed: "
          + e.getMessage(), e);
    }
    return StateFutureImpl.completed(null);
  }

  /**
   * Sends the prefetches ahead as one batch when none is in flight (or a buffer's worth waits). A
   * failed one only loses the read it would have saved: the record's own read reports the failure.
   */
  private void sendAhead() {
    if (aheadBuffer.isEmpty() || (aheadBatchesInFlight > 0 && aheadBuffer.size() < settings.bufferSize())) {
      return;
    }
    List<StateRequest> batch = aheadBuffer;
    aheadBuffer = new ArrayList<>();
    aheadBatchesInFlight++;
    CompletableFuture<Void> done;
    try {
      done = executor.executeBatch(batch);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    done.whenComplete((ignored, failure) -> mailbox.execute(() -> {
      aheadBatchesInFlight--;
      for (StateRequest request : batch) {
        aheadPending.remove(new Entry(request.state(), request.key(), request.namespace()));
      }
      sendAhead();
    }, "async state prefetch ahead"));
  }

  /** Gives {@code context} its key now, or queues it behind the record of its key in flight. */
  private void admit(RecordContext<K> context) {
    K key = context.key;
    RecordContext<K> owner = keyOwners.putIfAbsent(key, context);
    if (owner == null) {
      ready.add(context);
    } else if (!blocking.containsKey(key) && onlyQuietWritesLeft(owner)) {
      owner.handedOver = true;
      context.predecessor = owner;
      keyOwners.put(key, context);
      ready.add(context);
    } else {
      blocking.computeIfAbsent(key, k -> new ArrayDeque<>()).add(context);
      blockingRecords++;
    }
  }

  /** After epochs finished: admits the gated records whose epoch may start now, in arrival order. */
  private void admitGated() {
    while (!gated.isEmpty() && epochs.mayStart(gated.peekFirst().epoch)) {
      admit(gated.pollFirst());
    }
    runReady();
  }

  /**
   * Issues a state request for the record being processed; its future completes on the task thread
   * in this record's context.
   *
   * @throws IllegalStateException outside the processing of a record or timer (no key context)
   */
  @SuppressWarnings("unchecked")
  public <T> StateFuture<T> handleRequest(String stateName, StateRequestType type, InternalKvState<?> state,
      Object namespace, Object payload, Object value) {
    RecordContext<K> context = current;
    if (context == null) {
      throw misuse("asynchronous state '" + stateName + "' was accessed outside a keyed context; it can be used "
          + "only while the operator processes a record or a timer of a keyed stream (or in their callbacks)");
    }
    if (answersAtOnce) {
      return answerAtOnce(context, type, state, namespace, payload, value);
    }
    if (context.ahead) {
      return (StateFuture<T>) requestAhead(stateName, type, state, namespace);
    }
    if (learning != null && namespace == VoidNamespace.INSTANCE) {
      learning.learn(type, state);
    }
    PendingRequest<K> request = new PendingRequest<>(type, state, context, namespace, payload, value);
    if (keyHasNothingUnanswered(context) && answeredAtOnce(request)) {
      return (StateFuture<T>) StateFutureImpl.completed(request.result());
    }
    context.retain();
    context.pending.add(request);
    if (active.isEmpty()) {
      long flushed = generation;
      timeout = BufferTimeouts.schedule(settings.bufferTimeout(),
          () -> mailbox.execute(() -> flushIfStill(flushed), "async state buffer timeout"));
    }
    active.add(request);
    return (StateFuture<T>) request.future;
  }

  /**
   * Runs a record for an executor that answers at once: its requests are answered and its
   * callbacks run before its processing returns, so no record of its key can be in flight (records
   * are not started from callbacks) and it is finished on return: no key map, queue, buffer or
   * context of its own (the one context is reused), and {@code onEnter} runs once, since nothing of
   * the record runs later.
   */
  private void runAnsweredAtOnce(K key, Runnable onEnter, Runnable processing) {
    atOnce.key = key;
    current = atOnce;
    inFlightRecords++;
    try {
      keySetter.accept(key);
      if (onEnter != null) {
        onEnter.run();
      }
      processing.run();
    } catch (StateCallbackException e) {
      throw callbackFailed(key, e);
    } finally {
      current = null;
      inFlightRecords--;
      atOnce.key = null;
    }
  }

  /**
   * Runs a request now, in the context of the record issuing it, for an executor that answers at
   * once: the record's requests run in issue order and before those of any later record of its key
   * (which cannot start while this one runs), so the result is the one a batch would give.
   */
  @SuppressWarnings("unchecked")
  private <T> StateFuture<T> answerAtOnce(RecordContext<K> context, StateRequestType type, InternalKvState<?> state,
      Object namespace, Object payload, Object value) {
    try {
      return (StateFuture<T>) StateFutureImpl.completed(
          executor.answerAtOnce(type, state, context.key, namespace, payload, value));
    } catch (Exception e) {
      throw new IllegalStateException("Operator '" + operatorName + "': state request " + type + " (key="
          + context.key + ", namespace=" + namespace + ") of " + context + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Whether no request of the key of {@code context} is unanswered: none of its own, none of the
   * record that handed the key over to it. Only the key's owner issues requests (per-key order).
   */
  private boolean keyHasNothingUnanswered(RecordContext<K> context) {
    return context.pending.isEmpty() && (context.predecessor == null || context.predecessor.finished());
  }

  /** Lets the executor answer {@code request} now if that costs no I/O (see {@link StateExecutor#tryAnswerAtOnce}). */
  private boolean answeredAtOnce(PendingRequest<K> request) {
    try {
      if (!executor.tryAnswerAtOnce(request)) {
        return false;
      }
    } catch (Exception e) {
      throw new IllegalStateException("Operator '" + operatorName + "': state request " + request + " of "
          + request.context + " failed: " + e.getMessage(), e);
    }
    requestsAnsweredAtOnce++;
    return true;
  }

  /** Sends the active buffer to the executor if it is full, or if {@code force} and it is not empty. */
  public void triggerIfNeeded(boolean force) {
    if (!active.isEmpty() && (force || active.size() >= settings.bufferSize())) {
      flush();
    }
  }

  /**
   * Waits, running mail, until every record in flight is finished, and with them every epoch (its
   * non-record actions ran). Before a checkpoint barrier is forwarded (and the snapshot taken) and
   * at end of input.
   */
  public void drainInflightRecords() {
    while (inFlightRecords > 0) {
      waitForProgress("the in-flight records to drain");
    }
  }

  /**
   * A non-record input (watermark) in the epoch order: closes the current epoch and returns. Once
   * every record before it is finished, runs {@code trigger} (which may start records, such as
   * timers firing in their keys' contexts: they join the epoch), once those are finished too,
   * {@code finalAction} (such as forwarding the watermark); records arriving meanwhile start only
   * after that. Either may be null. With nothing in flight both run before this returns.
   */
  public void processNonRecord(Runnable trigger, Runnable finalAction) {
    epochs.onNonRecord(trigger, finalAction);
    triggerIfNeeded(sendEarly());
  }

  private void waitForProgress(String what) {
    if (current != null) {
      throw misuse("waiting for " + what + " inside the processing or a state callback of the record of key "
          + current.key + " would wait for itself; chain the dependent work with thenCompose instead of blocking");
    }
    triggerIfNeeded(true);
    try {
      mailbox.yield();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Operator '" + operatorName + "' was interrupted waiting for " + what, e);
    }
  }

  private void flushIfStill(long flushed) {
    if (generation == flushed) {
      triggerIfNeeded(true);
    }
  }

  private void flush() {
    List<PendingRequest<K>> batch = active;
    active = new ArrayList<>();
    for (PendingRequest<K> request : batch) {
      request.sent = true;
    }
    generation++;
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
    batchSizes.update(batch.size());
    batchesInFlight++;
    CompletableFuture<Void> done;
    try {
      done = executor.executeBatch(batch);
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    done.whenComplete((ignored, failure) -> mailbox.execute(() -> deliver(batch, failure), "async state results"));
  }

  /** Task thread: completes the batch's futures, each in its record's context, and finishes records. */
  private void deliver(List<PendingRequest<K>> batch, Throwable failure) {
    batchesInFlight--;
    if (failure != null) {
      throw new IllegalStateException("Operator '" + operatorName + "': a batch of " + batch.size()
          + " state requests failed: " + failure.getMessage(), failure);
    }
    for (PendingRequest<K> request : batch) {
      RecordContext<K> context = request.context;
      context.pending.remove(request);
      runInContext(context, () -> request.future.complete(request.result()));
      if (!release(context)) {
        handOverIfQuiet(context);
      }
    }
    runReady();
    triggerIfNeeded(sendEarly());
  }

  /**
   * Whether the buffer should go out before it is full: no batch is in flight, and a closed epoch
   * waits for its records or the buffered requests wait for I/O ({@link #batchesOnlyIo}).
   */
  private boolean sendEarly() {
    return batchesInFlight == 0 && (batchesOnlyIo || epochs.hasClosedEpochs());
  }

  /**
   * Whether {@code context} can run no more code and issue no more requests: it started, nothing
   * of it runs, and its unanswered requests are all writes still in the active buffer that
   * nothing waits on. Requests of a record started now go after those writes in the same batch.
   */
  private boolean onlyQuietWritesLeft(RecordContext<K> context) {
    if (context.handedOver || !context.started || !context.onlyRequestsLeft()) {
      return false;
    }
    for (PendingRequest<K> request : context.pending) {
      if (request.sent || !WRITES.contains(request.type()) || request.future.hasDependentWork()) {
        return false;
      }
    }
    return true;
  }

  /** Passes the key of {@code context} (in flight) to its next waiting record if only quiet writes of it are left. */
  private void handOverIfQuiet(RecordContext<K> context) {
    if (blocking.containsKey(context.key) && keyOwners.get(context.key) == context && onlyQuietWritesLeft(context)) {
      context.handedOver = true;
      passKey(context.key).predecessor = context;
    }
  }

  private void runInContext(RecordContext<K> context, Runnable work) {
    RecordContext<K> previous = current;
    enter(context);
    try {
      work.run();
    } catch (StateCallbackException e) {
      throw callbackFailed(context.key, e);
    } finally {
      current = previous;
      if (previous != null) {
        enter(previous);
      }
    }
  }

  private StateCallbackException callbackFailed(K key, StateCallbackException e) {
    return new StateCallbackException("Operator '" + operatorName + "': a state callback of key " + key
        + " failed: " + e.getCause(), e.getCause());
  }

  private void enter(RecordContext<K> context) {
    current = context;
    keySetter.accept(context.key);
    if (context.onEnter != null) {
      context.onEnter.run();
    }
  }

  /** Starts the records whose keys became free, one after another (no recursion). */
  private void runReady() {
    if (runningReady || current != null) {
      return;
    }
    runningReady = true;
    try {
      for (RecordContext<K> context; (context = ready.poll()) != null; ) {
        context.started = true;
        context.retain();
        learning = context.profile;
        try {
          runInContext(context, context.processing);
        } finally {
          learning = null;
        }
        if (!release(context)) {
          handOverIfQuiet(context);
        }
      }
    } finally {
      runningReady = false;
    }
  }

  /** Drops a reference of {@code context}; returns whether that finished it. */
  private boolean release(RecordContext<K> context) {
    if (!context.release()) {
      return false;
    }
    inFlightRecords--;
    RecordContext<K> predecessor = context.predecessor;
    context.predecessor = null;
    if (!context.handedOver) {
      passKeyOn(context, predecessor);
    } // else its key is already the next record's
    epochs.completeOneRecord(context.epoch);
    return true;
  }

  /** Passes the key of {@code context} (just finished) to its next record, back to its predecessor, or frees it. */
  private void passKeyOn(RecordContext<K> context, RecordContext<K> predecessor) {
    if (blocking.containsKey(context.key)) {
      passKey(context.key).predecessor = predecessor != null && !predecessor.finished() ? predecessor : null;
    } else if (predecessor != null && !predecessor.finished()) {
      // the record that handed the key over still has writes unanswered: a record of the key started
      // now must go after them, so the key is that record's again
      predecessor.handedOver = false;
      keyOwners.put(context.key, predecessor);
    } else {
      keyOwners.remove(context.key);
    }
  }

  /** Makes the first record waiting for {@code key} its owner, ready to start; returns it. */
  private RecordContext<K> passKey(K key) {
    ArrayDeque<RecordContext<K>> waiting = blocking.get(key);
    RecordContext<K> next = waiting.poll();
    blockingRecords--;
    if (waiting.isEmpty()) {
      blocking.remove(key);
    }
    keyOwners.put(key, next);
    ready.add(next);
    return next;
  }

  private IllegalStateException misuse(String what) {
    return new IllegalStateException("Operator '" + operatorName + "': " + what);
  }

  /** Whether a record (or timer) of {@code key} is in flight: a record of it started now would wait for it. */
  public boolean hasRecordInFlight(K key) {
    return keyOwners.containsKey(key);
  }

  /** Whether the executor answers each request as it is issued: records then finish when their processing returns. */
  public boolean answersAtOnce() {
    return answersAtOnce;
  }

  /** Records started (or waiting for their key) and not finished. */
  public int numInFlightRecords() {
    return inFlightRecords;
  }

  /** State requests collected and not yet sent to the executor. */
  public int activeBufferSize() {
    return active.size();
  }

  /** Records waiting for an earlier record of their key. */
  public int blockingBufferSize() {
    return blockingRecords;
  }

  /** Records admitted that wait for an earlier epoch to finish before they may start. */
  int numGatedRecords() {
    return gated.size();
  }

  /** Keys that have records waiting. */
  public int numBlockingKeys() {
    return blocking.size();
  }

  /**
   * Registers the controller's gauges in {@code group} (the operator's metric group), as Flink's
   * controller does: {@code numInFlightRecords}, {@code activeBufferSize}, {@code
   * blockingBufferSize}, {@code numBlockingKeys}, and the histogram {@code batchSize} of the
   * batches sent to the state executor. Gauges read the task thread's counters without locking,
   * so a reporter on another thread may see a slightly stale value.
   */
  public void registerMetrics(MetricGroup group) {
    group.gauge("numInFlightRecords", (Gauge<Integer>) () -> inFlightRecords);
    group.gauge("activeBufferSize", (Gauge<Integer>) () -> active.size());
    group.gauge("blockingBufferSize", (Gauge<Integer>) () -> blockingRecords);
    group.gauge("numBlockingKeys", (Gauge<Integer>) () -> blocking.size());
    group.histogram("batchSize", batchSizes);
  }

  /** Requests the executor answered as they were issued, without a batch (reads its caches held, writes). */
  long numAnsweredAtOnce() {
    return requestsAnsweredAtOnce;
  }

  /** Batches sent to the executor whose results have not been delivered. */
  public int numBatchesInFlight() {
    return batchesInFlight;
  }

  /** Non-record inputs received so far (each closed an epoch). */
  public long epoch() {
    return epochs.closedCount();
  }

  public BatchSizeHistogram batchSizes() {
    return batchSizes;
  }

  /** Stops the buffer timer and closes the executor. Records in flight are abandoned (the task is ending). */
  @Override
  public void close() {
    if (timeout != null) {
      timeout.cancel(false);
    }
    executor.close();
  }
}
