package io.eddy.it;

import static io.eddy.it.BackendEquivalenceTest.assertSameOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.windowing.CountEvictor;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Count windows with an evictor, an evicting reduce, windowAll and a window join keep all their
 * state (trigger counts, evicted contents, window contents of both join sides) in keyed state: the
 * committed output after failures and restarts from checkpoints, and after resuming a dead run
 * at another parallelism, equals that of a run without failures. 48 keys, so each key's events
 * arrive in one order (see BackendEquivalenceTest) and count windows are deterministic.
 */
@Timeout(180)
class WindowRecoveryTest {
  private static final long EVENTS = 20_000;
  private static final int KEYS = 48;

  @TempDir
  Path dir;

  /** (key, value, timestamp): window state holds these, so they must serialize (Event does not). */
  private static DataStream<String> job(DataStream<Event> input) {
    DataStream<Tuple3<Integer, Long, Long>> events = input.map(e -> Tuple3.of(e.key(), e.value(), e.timestamp()));
    DataStream<String> counted = events.keyBy(e -> e.f0).countWindow(5, 3)
        .process(new ProcessWindowFunction<Tuple3<Integer, Long, Long>, String, Integer, GlobalWindow>() {
          @Override
          public void process(Integer key, Context ctx, Iterable<Tuple3<Integer, Long, Long>> elements,
              Collector<String> out) {
            List<Long> values = new ArrayList<>();
            elements.forEach(e -> values.add(e.f1));
            out.collect("count " + key + "=" + values);
          }
        }).name("count-window");
    DataStream<String> evicting = events.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
        .evictor(CountEvictor.of(3))
        .reduce((a, b) -> Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2)))
        .map(e -> "evict " + e.f0 + "=" + e.f1).name("evicting-reduce");
    DataStream<String> all = events.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
        .reduce((a, b) -> Tuple3.of(0, a.f1 + b.f1, Math.max(a.f2, b.f2)))
        .map(e -> "all " + e.f1).name("window-all");
    DataStream<String> joined = events.join(events.filter(e -> e.f1 % 3 == 0))
        .where(e -> e.f0).equalTo(e -> e.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
        .apply((Tuple3<Integer, Long, Long> a, Tuple3<Integer, Long, Long> b) -> "join " + a.f1 + "-" + b.f1)
        .name("window-join");
    return counted.union(evicting, all, joined);
  }

  /**
   * Slows every source subtask a little (FailAfterCheckpoint slows only the one reading even
   * values), so that no subtask ends before checkpoints complete: a finished task ends checkpointing.
   */
  private static final class Throttle implements MapFunction<Event, Event> {
    private long seen;

    @Override
    public Event map(Event e) throws InterruptedException {
      if (++seen % 40 == 0) {
        Thread.sleep(1);
      }
      return e;
    }
  }

  private static List<String> run(int parallelism, Map<String, String> settings, ExactlyOnceSink<String> sink,
      int failures) throws Exception {
    FailAfterCheckpoint.plan(failures, EVENTS);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    settings.forEach(env.getConfiguration()::set);
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS),
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events");
    // the same plan in every run (a resume maps state to operators by their place in it)
    job(events.map(new Throttle()).name("throttle").map(new FailAfterCheckpoint()).name("fail-after-checkpoint"))
        .sinkTo(sink);
    JobExecutionResult result = env.execute("window recovery");
    if (failures > 0) {
      assertThat(result.counter("numRestoresFromCheckpoint")).as("restores").isBetween(1L, (long) failures);
    }
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  @Test
  void sameOutputWithFailuresRestartsAndARescaledResume() throws Exception {
    List<String> reference = run(2, Map.of(), new ExactlyOnceSink<>(), 0);
    assertThat(reference).anyMatch(l -> l.startsWith("count ")).anyMatch(l -> l.startsWith("evict "))
        .anyMatch(l -> l.startsWith("all ")).anyMatch(l -> l.startsWith("join "));

    assertSameOutput(run(2, Map.of(
        "state.checkpoints.dir", dir.resolve("restarts").toString(),
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms"), new ExactlyOnceSink<>(), 2), reference);

    Path checkpoints = dir.resolve("resume");
    Map<String, String> dying = Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "none");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    assertThatThrownBy(() -> run(2, dying, sink, 1)).isInstanceOf(JobExecutionException.class);
    assertSameOutput(run(4, Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "50ms",
        "execution.checkpointing.resume", "true"), sink, 0), reference);
  }
}
