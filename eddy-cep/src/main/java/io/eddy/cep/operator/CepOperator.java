package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.EventComparator;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.nfa.compiler.CompiledPattern;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;

/**
 * Matches one pattern per key (Flink's CepOperator). In event time, events newer than the
 * watermark wait in the key's {@link EventQueue}, with a timer at their timestamp; when the
 * watermark passes them they are matched in timestamp order and time advances to the
 * watermark (timing out runs). Older events are late: to the late side output, else counted
 * and dropped. In processing time events are matched on arrival at the current time (or, with a
 * comparator, one millisecond later in comparator order). Everything per key is keyed state.
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
  private EventQueue<IN> queue;
  private PatternMatcher<IN> matcher;
  private FunctionEmitter<IN, OUT> emitter;

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
    queue = new EventQueue<>(keyedStateStore(), STATE_PREFIX + "queue", comparator);
    matcher = new PatternMatcher<>(pattern, function instanceof TimedOutPartialMatchHandler, keyedStateStore(),
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
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
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
  }
}
