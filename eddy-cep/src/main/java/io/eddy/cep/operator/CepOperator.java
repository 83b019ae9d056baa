package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.EventComparator;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.configuration.SharedBufferCacheConfig;
import io.eddy.cep.nfa.compiler.CompiledPattern;
import io.eddy.cep.state.KeyedStateCache;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.InternalKvState;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;
import java.util.List;
import java.util.Map;

/**
 * Matches one pattern per key (Flink's CepOperator). In event time, events newer than the
 * watermark wait in the key's {@link EventQueue}, with a timer at their timestamp; when the
 * watermark passes them they are matched in timestamp order and time advances to the
 * watermark (timing out runs). Older events are late: to the late side output, else counted
 * and dropped. In processing time events are matched on arrival at the current time (or, with a
 * comparator, one millisecond later in comparator order). Everything per key is keyed state,
 * read and written through the operator's {@link KeyedStateCache} (flushed when a checkpoint
 * snapshots the keyed state).
 *
 * <p>In the asynchronous execution model ({@code execution.async-state.enabled} or the keyed
 * stream's {@code enableAsyncState()}) records and timers run through the operator's {@link
 * io.eddy.runtime.operators.AsyncStateSupport}: each first reads ahead the small per-key states
 * its step will read (the queue's index; for a step of the matcher its runs and the buffer's
 * arrivals index), batched into the backend's multi-gets while other keys' records go on.
 */
public final class CepOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT>
    implements Triggerable<Object, VoidNamespace> {
  static final String STATE_PREFIX = "cep/";

  private final CompiledPattern<IN> pattern;
  private final PatternProcessFunction<IN, OUT> function;
  private final boolean processingTime;
  private final EventComparator<IN> comparator;
  private final OutputTag<IN> lateDataTag;
  private final TypeSerializer<IN> eventSerializer;
  private InternalTimerService<Object, VoidNamespace> timers;
  private KeyedStateCache cache;
  private EventQueue<IN> queue;
  private PatternMatcher<IN> matcher;
  private FunctionEmitter<IN, OUT> emitter;
  /** The queue's index, for reading ahead in the asynchronous model. */
  private InternalKvState<VoidNamespace> queueIndex;
  /** The per-key states a step of the matcher reads first, for reading ahead in the asynchronous model. */
  private List<InternalKvState<VoidNamespace>> matcherStates;

  CepOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      CepOperatorFactory<IN, OUT> spec) {
    super(context, output, keySelector);
    this.pattern = spec.pattern();
    this.function = spec.function();
    this.processingTime = spec.processingTime();
    this.comparator = spec.comparator();
    this.lateDataTag = spec.lateDataTag();
    this.eventSerializer = spec.eventSerializer();
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open() throws Exception {
    timers = timerService("cep-timers", VoidNamespace.SERIALIZER, this);
    cache = new KeyedStateCache(keyedBackend, keyedStateStore(), SharedBufferCacheConfig.of(context.jobConfiguration()),
        async != null);
    queue = new EventQueue<>(cache, STATE_PREFIX + "queue", eventSerializer, comparator);
    if (async != null) {
      queueIndex = keyedBackend.createValueState(VoidNamespace.SERIALIZER, EventQueue.indexDescriptor(STATE_PREFIX + "queue"));
      matcherStates = List.of(
          keyedBackend.createValueState(VoidNamespace.SERIALIZER, PatternMatcher.nfaStateDescriptor(STATE_PREFIX)),
          keyedBackend.createValueState(VoidNamespace.SERIALIZER, PatternMatcher.arrivalsDescriptor(STATE_PREFIX)));
    }
    matcher = new PatternMatcher<>(pattern, function instanceof TimedOutPartialMatchHandler, cache,
        STATE_PREFIX, eventSerializer, timers::currentProcessingTime);
    emitter = new FunctionEmitter<>(function, output, processingTime, timers::currentProcessingTime,
        this::registerTimer);
    super.open();
    matcher.open(runtimeContext());
  }

  @Override
  public void close() throws Exception {
    try {
      if (matcher != null) {
        matcher.close();
      }
    } finally {
      super.close();
    }
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    Map<String, List<Object>> lists = super.snapshotOperatorState(checkpointId); // drains asynchronous work first
    cache.flush();
    return lists;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    processKeyed(keySelector.getKey(value), null, this::prefetchElement, () -> {
      processInKeyContext(value, timestamp);
      cache.endRecord();
    });
  }

  private void prefetchElement() {
    if (processingTime && comparator == null) {
      matcherStates.forEach(state -> async.prefetch(state, VoidNamespace.INSTANCE));
    } else {
      async.prefetch(queueIndex, VoidNamespace.INSTANCE);
    }
  }

  @Override
  public void prefetchTimer(Timer<Object, ?> timer) {
    async.prefetch(queueIndex, VoidNamespace.INSTANCE);
    matcherStates.forEach(state -> async.prefetch(state, VoidNamespace.INSTANCE));
  }

  private void processInKeyContext(IN value, long timestamp) throws Exception {
    if (processingTime) {
      long now = timers.currentProcessingTime();
      if (comparator == null) {
        matcher.load();
        matcher.advanceTime(now, emitter);
        matcher.processEvent(value, now, emitter);
        matcher.store();
      } else if (queue.add(value, now)) {
        registerTimer(now);
      }
    } else if (timestamp == Output.NO_TIMESTAMP) {
      throw new IllegalStateException("CEP operator '" + name() + "' runs in event time but got a record without "
          + "a timestamp: assign timestamps and watermarks, or use PatternStream.inProcessingTime()");
    } else if (timestamp > timers.currentWatermark()) {
      if (queue.add(value, timestamp)) {
        registerTimer(timestamp);
      }
    } else {
      sideOutputOrDropLate(lateDataTag, value, timestamp);
    }
  }

  /** In event time at {@code time}; in processing time one millisecond later (Flink's convention). */
  private void registerTimer(long time) {
    if (processingTime) {
      timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time + 1);
    } else {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
  }

  @Override
  public void onEventTime(Timer<Object, VoidNamespace> timer) throws Exception {
    matchQueuedUpTo(timers.currentWatermark());
  }

  @Override
  public void onProcessingTime(Timer<Object, VoidNamespace> timer) throws Exception {
    matchQueuedUpTo(timers.currentProcessingTime());
  }

  private void matchQueuedUpTo(long time) throws Exception {
    matcher.load();
    queue.drain(time, (timestamp, events) -> {
      matcher.advanceTime(timestamp, emitter);
      for (IN event : events) {
        matcher.processEvent(event, timestamp, emitter);
      }
    });
    matcher.advanceTime(time, emitter);
    matcher.store();
    cache.endRecord();
  }
}
