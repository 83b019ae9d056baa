package io.eddy.cep.operator;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeySelector;
import io.eddy.cep.dynamic.DynamicPatternProcessFunction;
import io.eddy.cep.dynamic.PatternUpdate;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.configuration.SharedBufferCacheConfig;
import io.eddy.cep.nfa.compiler.NFACompiler;
import io.eddy.cep.state.KeyedStateCache;
import io.eddy.runtime.operators.AbstractTwoInputOperator;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.StreamOperator;
import io.eddy.runtime.operators.Triggerable;
import io.eddy.state.VoidNamespace;
import io.eddy.state.timers.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches keyed events (input 1) against a set of patterns that pattern updates (input 2,
 * broadcast to every subtask) add, replace and remove while the job runs. Events wait in one
 * queue per key until the watermark passes them, then every active pattern sees them in
 * timestamp order, as in {@link CepOperator}. Pattern {@code id}'s runs and shared buffer are
 * keyed state under {@code cep/dyn/<id>/}; replacing or removing a pattern clears that state
 * for every key. Keyed state is read and written through the operator's {@link KeyedStateCache},
 * flushed when a checkpoint snapshots it. The active set is snapshotted as union list state on every subtask, so each
 * subtask restores all of it at any parallelism. Events that arrive while no pattern is active
 * are not kept. Updates should come from one subtask
 * (parallelism 1) so that every subtask applies them in the same order.
 */
public final class DynamicCepOperator<IN, OUT> extends AbstractTwoInputOperator<IN, PatternUpdate<IN>, OUT>
    implements Triggerable<Object, VoidNamespace> {
  static final String PATTERNS_STATE = StreamOperator.UNION_LIST_PREFIX + "cep-patterns";
  private static final String PREFIX = "cep/dyn/";

  private final DynamicCepOperatorFactory<IN, OUT> spec;
  private final Map<String, Active<IN>> patterns = new LinkedHashMap<>();
  private InternalTimerService<Object, VoidNamespace> timers;
  private KeyedStateCache cache;
  private EventQueue<IN> queue;

  /** An active pattern: its definition, its matcher and where its matches go. */
  private record Active<IN>(PatternUpdate<IN> update, PatternMatcher<IN> matcher, MatchEmitter<IN> emitter) {}

  DynamicCepOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      DynamicCepOperatorFactory<IN, OUT> spec) {
    super(context, output, keySelector, null);
    this.spec = spec;
  }

  @Override
  protected Object userFunction() {
    return spec.function();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    timers = timerService("cep-timers", VoidNamespace.SERIALIZER, this);
    cache = new KeyedStateCache(keyedBackend, keyedStateStore(), SharedBufferCacheConfig.of(context.jobConfiguration()),
        async != null);
    queue = new EventQueue<>(cache, PREFIX + "queue", spec.eventSerializer(), null);
    super.open();
    Map<String, PatternUpdate<IN>> restored = new LinkedHashMap<>();
    for (Object entry : context.restoredList(PATTERNS_STATE)) {
      PatternUpdate<IN> update = (PatternUpdate<IN>) entry;
      restored.put(update.patternId(), update); // every subtask saved the same set: one copy each
    }
    for (PatternUpdate<IN> update : restored.values()) {
      activate(update);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      for (Active<IN> a : patterns.values()) {
        a.matcher().close();
      }
    } finally {
      super.close();
    }
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    Map<String, List<Object>> lists = new HashMap<>(super.snapshotOperatorState(checkpointId));
    cache.flush();
    List<Object> active = new ArrayList<>();
    for (Active<IN> a : patterns.values()) {
      active.add(a.update());
    }
    lists.put(PATTERNS_STATE, active);
    return lists;
  }

  @Override
  public void processElement1(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    if (timestamp == Output.NO_TIMESTAMP) {
      throw new IllegalStateException("Dynamic CEP operator '" + name() + "' runs in event time but got a record "
          + "without a timestamp: assign timestamps and watermarks");
    }
    if (timestamp <= timers.currentWatermark()) {
      sideOutputOrDropLate(spec.lateDataTag(), value, timestamp);
    } else if (!patterns.isEmpty() && queue.add(value, timestamp)) {
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, timestamp);
    }
    cache.endRecord();
  }

  /** Adds, replaces or removes a pattern; a replaced or removed pattern's partial matches are dropped on every key. */
  @Override
  public void processElement2(PatternUpdate<IN> update, long timestamp) throws Exception {
    Active<IN> previous = patterns.remove(update.patternId());
    if (previous != null) {
      dropState(update.patternId(), previous.matcher());
      previous.matcher().close();
    }
    if (!update.isRemoval()) {
      activate(update);
    }
  }

  private void activate(PatternUpdate<IN> update) throws Exception {
    String id = update.patternId();
    PatternMatcher<IN> matcher = new PatternMatcher<>(NFACompiler.compile(update.pattern()), true, cache,
        prefix(id), spec.eventSerializer(), timers::currentProcessingTime);
    matcher.open(runtimeContext());
    MatchEmitter<IN> emitter = new FunctionEmitter<>(new ForPattern<>(id, spec.function()), output, false,
        timers::currentProcessingTime, time -> timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time));
    patterns.put(id, new Active<>(update, matcher, emitter));
  }

  private static String prefix(String patternId) {
    return PREFIX + patternId + "/";
  }

  /** Clears the pattern's runs and shared buffer of every key that has any, cached or stored. */
  private void dropState(String patternId, PatternMatcher<IN> matcher) throws Exception {
    matcher.discardCache();
    Object currentKey = keyedBackend.getCurrentKey();
    List<Object> keys = new ArrayList<>();
    for (String state : PatternMatcher.stateNames(prefix(patternId))) {
      keyedBackend.getKeys(state, VoidNamespace.INSTANCE).forEach(keys::add);
    }
    for (Object key : keys) {
      keyedBackend.setCurrentKey(key);
      matcher.clear();
    }
    if (currentKey != null) {
      keyedBackend.setCurrentKey(currentKey);
    }
  }

  @Override
  public void onEventTime(Timer<Object, VoidNamespace> timer) throws Exception {
    long watermark = timers.currentWatermark();
    for (Active<IN> a : patterns.values()) {
      a.matcher().load();
    }
    queue.drain(watermark, (timestamp, events) -> {
      for (Active<IN> a : patterns.values()) {
        a.matcher().advanceTime(timestamp, a.emitter());
        for (IN event : events) {
          a.matcher().processEvent(event, timestamp, a.emitter());
        }
      }
    });
    for (Active<IN> a : patterns.values()) {
      a.matcher().advanceTime(watermark, a.emitter());
      a.matcher().store();
    }
    cache.endRecord();
  }

  @Override
  public void onProcessingTime(Timer<Object, VoidNamespace> timer) {}

  /** The user's function seen as one pattern's process function (and timeout handler). */
  private static final class ForPattern<IN, OUT> extends PatternProcessFunction<IN, OUT>
      implements TimedOutPartialMatchHandler<IN> {
    private final String patternId;
    private final DynamicPatternProcessFunction<IN, OUT> function;

    ForPattern(String patternId, DynamicPatternProcessFunction<IN, OUT> function) {
      this.patternId = patternId;
      this.function = function;
    }

    @Override
    public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
      function.processMatch(patternId, match, ctx, out);
    }

    @Override
    public void processTimedOutMatch(Map<String, List<IN>> match, Context ctx) throws Exception {
      function.processTimedOutMatch(patternId, match, ctx);
    }
  }
}
