package io.eddy.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.BroadcastStream;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.BroadcastState;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.it.FailAfterCheckpoint;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broadcast rules applied to keyed events, written as a Flink user writes it: every subtask
 * receives every rule into its broadcast state; each event is judged, once the watermark (the
 * minimum of both inputs) passes it, by the latest rule of its key valid at its timestamp. The
 * expected output follows from those semantics alone (a model over the same inputs), and must
 * come out exactly once through failures and restarts, and after resuming at another
 * parallelism (where the broadcast state must reach every new subtask).
 */
@Timeout(120)
class BroadcastStateConformanceTest {
  private static final long EVENTS = 10_000;
  private static final int KEYS = 8;
  /** Per rule key, the thresholds by the time they become valid. */
  @SuppressWarnings("unchecked")
  private static final MapStateDescriptor<Integer, TreeMap<Long, Long>> RULES =
      new MapStateDescriptor<>("rules", Integer.class, (Class<TreeMap<Long, Long>>) (Class<?>) TreeMap.class);

  @TempDir
  Path dir;

  /** From {@code validFrom} on, events of {@code key} with a value at or above {@code threshold} are alerts. */
  record Rule(int key, long validFrom, long threshold) {}

  /** Every 100th event of a second copy of the input becomes a rule, spread over the same time span. */
  static Rule ruleOf(Event e) {
    return new Rule((int) (e.value() / 100 % KEYS), e.timestamp(), e.value() * 7919 % EVENTS);
  }

  static String verdict(Event e, Long threshold) {
    String v = threshold == null ? "no-rule" : e.value() >= threshold ? "alert" : "ok";
    return e.key() + ":" + e.value() + ":" + v;
  }

  /** Buffers each event until the watermark passes it, then judges it by the rules valid at its time. */
  static final class ApplyRules extends KeyedBroadcastProcessFunction<Integer, Event, Rule, String> {
    private transient MapState<Long, Event> pending;

    @Override
    public void open(OpenContext ctx) {
      pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Long.class, Event.class));
    }

    @Override
    public void processElement(Event e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
      pending.put(e.timestamp(), e);
      ctx.timerService().registerEventTimeTimer(e.timestamp());
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) throws Exception {
      BroadcastState<Integer, TreeMap<Long, Long>> rules = ctx.getBroadcastState(RULES);
      TreeMap<Long, Long> history = rules.contains(rule.key()) ? new TreeMap<>(rules.get(rule.key())) : new TreeMap<>();
      history.put(rule.validFrom(), rule.threshold());
      rules.put(rule.key(), history);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<String> out) throws Exception {
      Event e = pending.get(time);
      pending.remove(time);
      TreeMap<Long, Long> rules = ctx.getBroadcastState(RULES).get(ctx.getCurrentKey());
      Map.Entry<Long, Long> rule = rules == null ? null : rules.floorEntry(e.timestamp());
      out.collect(verdict(e, rule == null ? null : rule.getValue()));
    }
  }

  /** The expected output, straight from the semantics. */
  static List<String> model() {
    List<Rule> rules = new ArrayList<>();
    for (long i = 0; i < EVENTS; i += 100) {
      rules.add(ruleOf(event(i)));
    }
    List<String> out = new ArrayList<>();
    for (long i = 0; i < EVENTS; i++) {
      Event e = event(i);
      Rule latest = null;
      for (Rule r : rules) {
        if (r.key() == e.key() && r.validFrom() <= e.timestamp() && (latest == null || r.validFrom() > latest.validFrom())) {
          latest = r;
        }
      }
      out.add(verdict(e, latest == null ? null : latest.threshold()));
    }
    out.sort(null);
    return out;
  }

  /** TestEventSource's event i. */
  static Event event(long i) {
    return new Event((int) (i % KEYS), i, i * 10 + (i * 7919 % 50));
  }

  /** Runs the job; both inputs are slowed down (so checkpoints complete) and pass a failure injector. */
  static JobExecutionResult run(StreamEnvironment env, ExactlyOnceSink<String> sink) throws Exception {
    WatermarkStrategy<Event> watermarks = WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60));
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS), watermarks, "events")
        .map(new Throttle<>(5)).name("throttle")
        .map(new FailAfterCheckpoint()).name("failures");
    BroadcastStream<Rule> rules = env.fromSource(new TestEventSource(EVENTS, KEYS), watermarks, "rules")
        .map(new Throttle<>(5)).name("throttle rules")
        .map(new FailAfterCheckpoint()).name("failures in rules")
        .filter(e -> e.value() % 100 == 0)
        .map(BroadcastStateConformanceTest::ruleOf)
        .broadcast(RULES);
    events.keyBy(Event::key).connect(rules).process(new ApplyRules()).uid("apply-rules").sinkTo(sink);
    return env.execute("broadcast rules");
  }

  static List<String> sorted(List<String> committed) {
    List<String> out = new ArrayList<>(committed);
    out.sort(null);
    return out;
  }

  @Test
  void rulesAreAppliedExactlyOnceThroughFailuresAndRestarts() throws Exception {
    FailAfterCheckpoint.plan(2, EVENTS);
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    JobExecutionResult result = run(ConformanceJobs.restarting(2, dir), sink);
    assertThat(result.counter("numRestarts")).isEqualTo(2);
    assertThat(sorted(sink.committed())).isEqualTo(model());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void broadcastStateReachesEverySubtaskWhenResumedAtAnotherParallelism(int parallelism) throws Exception {
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    FailAfterCheckpoint.plan(1, EVENTS);
    assertThatThrownBy(() -> run(ConformanceJobs.dying(2, dir, false), sink)).isInstanceOf(JobExecutionException.class);
    assertThat(sink.committed()).hasSizeLessThan((int) EVENTS);
    FailAfterCheckpoint.plan(0, EVENTS);
    run(ConformanceJobs.dying(parallelism, dir, true), sink);
    assertThat(sorted(sink.committed())).isEqualTo(model());
  }
}
