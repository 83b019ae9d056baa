package io.eddy.cep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A keyed event-time pattern job (followedByAny, followedBy, within, timeouts to a side
 * output) over out-of-order events gives the same committed matches and timeouts on every
 * backend: with a failure and a restart from a checkpoint, and resumed at parallelism 1 and 4
 * from the checkpoints of a run at parallelism 2 that died halfway. The partial matches, the
 * shared buffer, the queued events and the timers all live in keyed state. The reference is
 * the hashmap backend without failures. The same holds in the asynchronous execution model
 * ({@code execution.async-state.enabled}), where records and timers reach the CEP operator
 * through its state controller.
 */
@Timeout(180)
class CepOnEveryBackendTest {
  private static final long EVENTS = 6_000;
  private static final int KEYS = 16;
  private static final OutputTag<String> TIMEOUTS = new OutputTag<>("timeouts");
  private static List<String> reference;

  @TempDir
  Path dir;

  private static DataStream<String> job(DataStream<Event> events) {
    Pattern<Event, ?> pattern = Pattern.<Event>begin("a").where(value(0))
        .followedByAny("b").where(value(2))
        .followedBy("c").where(value(4))
        .within(Duration.ofMillis(1_000));
    SingleOutputStreamOperator<String> matches = CEP.pattern(events.keyBy(Event::key), pattern)
        .process(new Describe());
    return matches.union(matches.getSideOutput(TIMEOUTS));
  }

  private static SimpleCondition<Event> value(int remainder) {
    return SimpleCondition.of(e -> e.value() % 5 == remainder);
  }

  static List<String> run(String backend, int parallelism, Map<String, String> settings, ExactlyOnceSink<String> sink,
      boolean fail) throws Exception {
    return run(backend, parallelism, settings, sink, fail ? EVENTS / 2 : -1, EVENTS, KEYS,
        CepOnEveryBackendTest::job);
  }

  /**
   * Runs {@code job} over {@code events} events of {@link TestEventSource} on {@code keys} keys
   * into {@code sink} and returns what it committed, sorted; fails once after the event with
   * value {@code failFrom} if that is not negative (see {@link FailOnce}).
   */
  static List<String> run(String backend, int parallelism, Map<String, String> settings, ExactlyOnceSink<String> sink,
      long failFrom, long events, int keys, Function<DataStream<Event>, DataStream<String>> job) throws Exception {
    FailOnce.arm(failFrom >= 0);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration().set("state.backend.type", backend);
    settings.forEach(env.getConfiguration()::set);
    DataStream<Event> input = env.fromSource(new TestEventSource(events, keys),
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events");
    job.apply(input.map(new FailOnce(failFrom, failFrom + (events - failFrom) * 3 / 4))).sinkTo(sink);
    env.execute("cep on " + backend);
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  private static synchronized List<String> reference() throws Exception {
    if (reference == null) {
      reference = run("hashmap", 2, Map.of(), new ExactlyOnceSink<>(), false);
    }
    return reference;
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void sameMatchesWithAFailureAndARestartFromACheckpoint(String backend) throws Exception {
    List<String> expected = reference();
    assertThat(expected.stream().filter(s -> s.startsWith("match")).count()).isGreaterThan(100);
    assertThat(expected.stream().filter(s -> s.startsWith("timeout")).count()).isGreaterThan(100);
    List<String> actual = run(backend, 2, Map.of(
        "state.checkpoints.dir", dir.toString(),
        "execution.checkpointing.interval", "30ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms"), new ExactlyOnceSink<>(), true);
    assertThat(FailOnce.FAILED.get()).as("the injected failure happened").isTrue();
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void asynchronousStateGivesTheSameMatchesAlsoWithAFailure(String backend) throws Exception {
    List<String> actual = run(backend, 2, Map.of(
        "execution.async-state.enabled", "true",
        "state.checkpoints.dir", dir.toString(),
        "execution.checkpointing.interval", "30ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms"), new ExactlyOnceSink<>(), true);
    assertThat(FailOnce.FAILED.get()).as("the injected failure happened").isTrue();
    assertThat(actual).isEqualTo(reference());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap:4", "rocksdb:1", "disaggregated:4"})
  void resumesAtAnotherParallelismFromARunThatDied(String backendAndParallelism) throws Exception {
    String backend = backendAndParallelism.split(":")[0];
    int parallelism = Integer.parseInt(backendAndParallelism.split(":")[1]);
    Path checkpoints = dir.resolve("checkpoints");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    assertThatThrownBy(() -> run(backend, 2, Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "30ms",
        "restart-strategy.type", "none"), sink, true)).isInstanceOf(JobExecutionException.class);
    List<String> all = run(backend, parallelism, Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "30ms",
        "execution.checkpointing.resume", "true"), sink, false);
    assertThat(all).isEqualTo(reference());
  }

  /** Matches and timeouts as lines naming the key and the values. */
  static final class Describe extends PatternProcessFunction<Event, String>
      implements TimedOutPartialMatchHandler<Event> {
    @Override
    public void processMatch(Map<String, List<Event>> match, Context ctx, Collector<String> out) {
      out.collect("match " + describe(match) + " @" + ctx.timestamp());
    }

    @Override
    public void processTimedOutMatch(Map<String, List<Event>> match, Context ctx) {
      ctx.output(TIMEOUTS, "timeout " + describe(match) + " @" + ctx.timestamp());
    }

    private static String describe(Map<String, List<Event>> match) {
      return match.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue().stream().map(v -> String.valueOf(v.value()))
              .collect(Collectors.joining(",")))
          .collect(Collectors.joining(" "));
    }
  }

  /**
   * Fails the job once, past event {@code failFrom}, as soon as a checkpoint taken past it
   * completed (slowing down past it until one does), so that the restart normally starts from a
   * checkpoint; on a machine too loaded for a checkpoint to complete in time it fails anyway at
   * event {@code failBy}, so that the failure always happens (the restart then replays from an
   * earlier checkpoint or from the start, which the exactly-once sink must equally survive).
   * Static flags: they survive the restart, which makes new copies of the function.
   */
  static final class FailOnce extends RichMapFunction<Event, Event> implements CheckpointListener {
    static final AtomicBoolean ARMED = new AtomicBoolean();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED_PAST_FAIL_FROM = new AtomicBoolean();
    private final long failFrom;
    private final long failBy;
    private boolean pastFailFrom;

    FailOnce(long failFrom, long failBy) {
      this.failFrom = failFrom;
      this.failBy = failBy;
    }

    static void arm(boolean fail) {
      ARMED.set(fail);
      FAILED.set(false);
      CHECKPOINTED_PAST_FAIL_FROM.set(false);
    }

    @Override
    public Event map(Event e) throws InterruptedException {
      if (ARMED.get() && e.value() >= failFrom) {
        if (CHECKPOINTED_PAST_FAIL_FROM.get() || e.value() >= failBy) {
          if (ARMED.compareAndSet(true, false)) {
            FAILED.set(true);
            throw new IllegalStateException("injected failure at event " + e.value());
          }
        } else {
          pastFailFrom = true;
          Thread.sleep(1);
        }
      }
      return e;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (pastFailFrom) {
        CHECKPOINTED_PAST_FAIL_FROM.set(true);
      }
    }
  }
}
