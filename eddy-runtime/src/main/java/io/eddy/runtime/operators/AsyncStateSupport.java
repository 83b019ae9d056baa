package io.eddy.runtime.operators;

import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.functions.TaskInfo;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.state.AggregatingState;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingState;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.state.v2.StateCallbackException;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.runtime.asyncprocessing.AsyncStateSettings;
import io.eddy.runtime.asyncprocessing.MailboxExecutor;
import io.eddy.runtime.asyncprocessing.ReadProfile;
import io.eddy.runtime.state.v2.AsyncKeyedStateStore;
import io.eddy.runtime.state.v2.StateApiUsage;
import io.eddy.state.InternalKvState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.VoidNamespace;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequestType;
import io.eddy.state.timers.Timer;
import io.eddy.state.ttl.TtlStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The asynchronous execution model of one keyed operator (the job's {@code
 * execution.async-state.enabled}, or its keyed stream's {@code enableAsyncState()}), as one part
 * every keyed operator can switch on, so that an operator has one implementation for both models
 * instead of an asynchronous twin. Records and timers run through an {@link
 * AsyncExecutionController} (per-key order, bounded in-flight records, epochs: watermarks, timers
 * firing and checkpoints wait for every record before them), with user functions' V2 state
 * ({@code io.eddy.api.state.v2}) going straight through it.
 *
 * <p>How the operators' own logic becomes asynchronous: a record's (or timer's) processing is
 * split into a <b>prefetch</b>, V2 reads of the state entries it will touch, batched by the
 * controller into the backend's multi-gets on its read threads while the task thread goes on with
 * other records, and the operator's unchanged synchronous processing, run as the callback once
 * those reads are answered, which then finds the entries in the backend's caches instead of
 * waiting for its primary copy. Correctness never depends on the prefetch: the processing reads
 * the state itself, and per-key order guarantees that no other work of the key runs in between;
 * a missed or evicted entry only costs a synchronous read. Entries a prefetch cannot name (map
 * entries whose user keys are not known in advance) are read synchronously. A record whose key
 * has a record in flight prefetches nothing: it runs right after that one, which brought the
 * key's entries into the caches, so a hot key costs no round trip per record.
 *
 * <p>Completed state I/O comes back as mail of the operator's {@link MailboxExecutor} (its
 * context's): the task runs it between input steps, also while it has no input; this part runs
 * what arrived after each input, and waits on the operator's own mail when it must drain or when
 * the in-flight limit is reached. Task thread only.
 */
public final class AsyncStateSupport implements AutoCloseable {
  /** Work of an operator or user function, run where the controller needs a Runnable. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private final String operatorName;
  private final KeyedStateBackend<Object> backend;
  private final MailboxExecutor mailbox;
  private final AsyncExecutionController<Object> controller;
  private final StateApiUsage usage;
  /** Whether the backend reads off the task thread: else a prefetch would only cost (hashmap). */
  private final boolean prefetching;
  /** Whether the backend answers each request as it is issued (hashmap): records finish before processRecord returns. */
  private final boolean answersAtOnce;
  /** Synchronous states the user function created (void namespace): prefetched before it runs. */
  private final List<InternalKvState<VoidNamespace>> functionStates = new ArrayList<>();
  /** The reads the prefetch being issued made; null outside a prefetch. */
  private List<StateFuture<?>> prefetched;
  /** Per input of the operator, the reads its records make as they start, prefetched for one waiting for an epoch. */
  private final ReadProfile[] profiles = {new ReadProfile(), new ReadProfile()};

  /** Registers the controller's gauges in {@code metrics}, the operator's metric group. */
  AsyncStateSupport(String operatorName, KeyedStateBackend<Object> backend, MailboxExecutor mailbox,
      AsyncStateSettings settings, MetricGroup metrics) {
    this.operatorName = operatorName;
    this.mailbox = mailbox;
    this.backend = backend;
    this.usage = new StateApiUsage(operatorName);
    StateExecutor executor = backend.createStateExecutor(io -> mailbox.execute(io, "state I/O"));
    this.prefetching = executor.readsOffTaskThread();
    this.controller = new AsyncExecutionController<>(operatorName, mailbox, executor, backend::setCurrentKey, settings);
    this.answersAtOnce = controller.answersAtOnce();
    controller.registerMetrics(metrics);
  }

  /**
   * Runs {@code work} for a record or timer of {@code key} in that key's context, after the reads
   * {@code prefetch} issues (through {@link #prefetch}) are answered; {@code onEnter} (may be null)
   * restores what the operator keeps per record whenever the work or one of its callbacks runs.
   */
  public void processRecord(Object key, Runnable onEnter, Work prefetch, Work work) {
    processRecord(profiles[0], key, onEnter, prefetch, work);
  }

  /**
   * As {@link #processRecord(Object, Runnable, Work, Work)} for a record of the operator's input
   * {@code input} (0 or 1): the reads of one input's records are learnt together, and prefetched
   * for a record of it that must wait for an earlier epoch ({@link ReadProfile}).
   */
  public void processRecord(int input, Object key, Runnable onEnter, Work prefetch, Work work) {
    processRecord(profiles[input], key, onEnter, prefetch, work);
  }

  /** {@code profile}: null for timers, whose reads are not those of an input's records. */
  private void processRecord(ReadProfile profile, Object key, Runnable onEnter, Work prefetch, Work work) {
    if (!prefetching) {
      controller.processRecord(key, onEnter, () -> unchecked(work));
      if (!answersAtOnce) { // else no state I/O comes back as mail
        runArrivedMail();
      }
      return;
    }
    if (controller.hasRecordInFlight(key)) {
      // it runs right after its key's record in flight, which brought the key's entries into the caches
      prefetch = null;
    }
    Work reads = prefetch;
    controller.processRecord(key, onEnter, profile, reads == null ? null : () -> prefetchAhead(reads), () -> {
      List<StateFuture<?>> issued = new ArrayList<>();
      if (reads != null) {
        prefetched = issued;
        try {
          unchecked(reads);
        } finally {
          prefetched = null;
        }
      }
      if (issued.isEmpty()) {
        unchecked(work);
      } else {
        StateFutureUtils.combineAll(issued).thenAccept(ignored -> work.run());
      }
    });
    runArrivedMail();
  }

  /** Issues the reads of a prefetch step for a record that waits for an earlier epoch: nothing waits for them. */
  private void prefetchAhead(Work reads) {
    prefetched = new ArrayList<>();
    try {
      unchecked(reads);
    } finally {
      prefetched = null;
    }
  }

  /** During a prefetch: reads the entry of {@code state} in {@code namespace} for the current key. */
  public void prefetch(InternalKvState<?> state, Object namespace) {
    if (prefetched == null) {
      throw new IllegalStateException("Operator '" + operatorName + "': prefetch outside a prefetch step");
    }
    if (!(state instanceof InternalMapState<?, ?, ?>)) { // a map's entries are not known in advance
      prefetched.add(controller.handleRequest("prefetch", StateRequestType.PREFETCH, state, namespace, null, null));
    }
  }

  /**
   * During a prefetch: brings the synchronous states the user function created into the caches,
   * for the current key (not maps: their user keys are not known). Nothing is decoded, so a list
   * the function only appends to costs a read of its bytes, not of its elements.
   */
  public void prefetchFunctionState() {
    for (InternalKvState<VoidNamespace> state : functionStates) {
      prefetch(state, VoidNamespace.INSTANCE);
    }
  }

  /** What firing a timer prefetches, and what restores the operator's per-timer context for its callbacks. */
  public interface TimerHooks {
    /** Issues the reads the timer's firing will make ({@link #prefetch}). */
    void prefetchTimer(Timer<Object, ?> timer) throws Exception;

    /** Restores what the operator keeps per timer (timestamp, time domain); null if nothing. */
    Runnable timerContext(Timer<Object, ?> timer, boolean eventTime);
  }

  /** A timer target whose timers fire through the controller, in their keys' context, after their prefetch. */
  <N> Triggerable<Object, N> timers(Triggerable<Object, N> target, TimerHooks hooks) {
    return new Triggerable<>() {
      @Override
      public void onEventTime(Timer<Object, N> timer) {
        processRecord(null, timer.key(), hooks.timerContext(timer, true), () -> hooks.prefetchTimer(timer),
            () -> target.onEventTime(timer));
      }

      @Override
      public void onProcessingTime(Timer<Object, N> timer) {
        processRecord(null, timer.key(), hooks.timerContext(timer, false), () -> hooks.prefetchTimer(timer),
            () -> target.onProcessingTime(timer));
      }
    };
  }

  /**
   * A watermark (or other non-record input) in epoch order: once every record before it finished,
   * runs {@code trigger} (timers firing), waits for what it started, then {@code finalAction}
   * (either may be null); records after it wait for that. Returns at once, maybe before.
   */
  void processNonRecord(Work trigger, Work finalAction) {
    controller.processNonRecord(trigger == null ? null : () -> unchecked(trigger), () -> unchecked(finalAction));
  }

  /** Waits, running the arrived state I/O, until every record in flight finished: before snapshots and at the end. */
  void drain() {
    controller.drainInflightRecords();
  }

  /** Records in flight, for tests and gauges. */
  public int numInFlightRecords() {
    return controller.numInFlightRecords();
  }

  /**
   * The user function's runtime context: V2 state through the controller, synchronous state as in
   * the synchronous model (prefetched before the function runs), refusing a mix of both (naming
   * the operator and a state of each).
   */
  RuntimeContext runtimeContext(OperatorContext context, KeyedStateStore sync, LongSupplier clock) {
    AsyncKeyedStateStore<VoidNamespace> async = new AsyncKeyedStateStore<>(backend, VoidNamespace.SERIALIZER,
        () -> VoidNamespace.INSTANCE, clock, controller, usage);
    return new RuntimeContext() {
      @Override public TaskInfo getTaskInfo() { return context.taskInfo(); }
      @Override public io.eddy.api.metrics.OperatorMetricGroup getMetricGroup() { return context.metricGroup(); }
      @Override public Map<String, String> getGlobalJobParameters() { return context.globalJobParameters(); }
      @Override public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        useSync(d, clock);
        return sync.getState(d);
      }
      @Override public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        useSync(d, clock);
        return sync.getListState(d);
      }
      @Override public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
        useSync(d, clock);
        return sync.getMapState(d);
      }
      @Override public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        useSync(d, clock);
        return sync.getReducingState(d);
      }
      @Override public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> d) {
        useSync(d, clock);
        return sync.getAggregatingState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ValueState<T> getState(io.eddy.api.state.v2.ValueStateDescriptor<T> d) {
        return async.getState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ListState<T> getListState(
          io.eddy.api.state.v2.ListStateDescriptor<T> d) {
        return async.getListState(d);
      }
      @Override public <UK, UV> io.eddy.api.state.v2.MapState<UK, UV> getMapState(
          io.eddy.api.state.v2.MapStateDescriptor<UK, UV> d) {
        return async.getMapState(d);
      }
      @Override public <T> io.eddy.api.state.v2.ReducingState<T> getReducingState(
          io.eddy.api.state.v2.ReducingStateDescriptor<T> d) {
        return async.getReducingState(d);
      }
      @Override public <I, A, O> io.eddy.api.state.v2.AggregatingState<I, O> getAggregatingState(
          io.eddy.api.state.v2.AggregatingStateDescriptor<I, A, O> d) {
        return async.getAggregatingState(d);
      }
    };
  }

  /** Delivers the state results that came back, without waiting for more. */
  private void runArrivedMail() {
    while (mailbox.tryYield()) {
      // each call runs one of this operator's mails
    }
  }

  private void useSync(StateDescriptor<?> descriptor, LongSupplier clock) {
    usage.useSync(descriptor.getName());
    functionStates.add(TtlStates.create(backend, VoidNamespace.SERIALIZER, descriptor, clock));
  }

  /** Stops the buffer timer and closes the state executor; work in flight is abandoned (the task ends). */
  @Override
  public void close() {
    controller.close();
  }

  /** Runs work, turning a checked exception into the {@link StateCallbackException} the controller reports. */
  static void unchecked(Work work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateCallbackException(e);
    }
  }
}
