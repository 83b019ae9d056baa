package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.WindowFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.runtime.checkpoint.CheckpointStorage;
import io.eddy.fs.LocalFileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One job using every state primitive, timers and tumbling, sliding and session windows gives
 * the same committed output on every state backend: without failures, with failures and
 * restarts from checkpoints, and resumed at parallelism 1 and 4 from the
 * checkpoints of a run at parallelism 2 that died halfway, also in the asynchronous execution
 * model ({@code execution.async-state.enabled}). The reference is the hashmap backend
 * without failures. 48 keys, so every key's events come from one source subtask in order at
 * parallelism 1, 2 and 4, which makes even order-dependent output deterministic.
 */
@Timeout(180)
class BackendEquivalenceTest {
  private static final long EVENTS = 30_000;
  private static final int KEYS = 48;
  private static final Map<String, List<String>> REFERENCE = new ConcurrentHashMap<>();

  @TempDir
  Path dir;

  private static List<String> reference() throws Exception {
    List<String> cached = REFERENCE.get("hashmap");
    if (cached == null) {
      cached = run("hashmap", 2, Map.of());
      // Every comparison rests on it: an empty or truncated reference would let anything pass.
      assertThat(cached).as("reference output").hasSizeGreaterThan((int) EVENTS);
      REFERENCE.put("hashmap", cached);
    }
    return cached;
  }

  static DataStream<String> job(DataStream<Event> events) {
    var byKey = events.keyBy(Event::key);
    DataStream<String> primitives = byKey.process(new AllPrimitivesFunction()).name("all-primitives");
    DataStream<String> tumbling = byKey.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
        .process(new ListWindow()).name("tumbling");
    DataStream<String> sliding = byKey.window(SlidingEventTimeWindows.of(Duration.ofMillis(3_000), Duration.ofMillis(1_000)))
        .aggregate(new AllPrimitivesFunction.IntegerAverage(), new Labelled("slide")).name("sliding");
    DataStream<String> sessions = events.map(e -> new Event(e.key(), 1, e.timestamp())).keyBy(Event::key)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(490)))
        .reduce((a, b) -> new Event(a.key(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())),
            new SessionSize()).name("sessions");
    return primitives.union(tumbling, sliding, sessions);
  }

  static List<String> run(String backend, int parallelism, Map<String, String> settings) throws Exception {
    return run(backend, parallelism, settings, new ExactlyOnceSink<>());
  }

  static List<String> run(String backend, int parallelism, Map<String, String> settings, ExactlyOnceSink<String> sink)
      throws Exception {
    return run(backend, parallelism, settings, sink, 0);
  }

  static List<String> run(String backend, int parallelism, Map<String, String> settings, ExactlyOnceSink<String> sink,
      int failures) throws Exception {
    FailAfterCheckpoint.plan(failures, EVENTS);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.getConfiguration().set("state.backend.type", backend);
    settings.forEach(env.getConfiguration()::set);
    DataStream<Event> events = env.fromSource(new TestEventSource(EVENTS, KEYS),
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events");
    job(events.map(new FailAfterCheckpoint()).name("fail-after-checkpoint")).sinkTo(sink);
    JobExecutionResult result = env.execute("backend equivalence on " + backend);
    if (failures > 0) {
      // A fast run may end before its last planned failure; each one that happened restored.
      assertThat(result.counter("numRestarts")).as("restarts").isBetween(1L, (long) failures);
      assertThat(result.counter("numRestoresFromCheckpoint")).as("restores").isEqualTo(result.counter("numRestarts"));
    }
    List<String> out = new ArrayList<>(sink.committed());
    out.sort(null);
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"rocksdb", "disaggregated"})
  void sameOutputAsTheHashMapBackend(String backend) throws Exception {
    List<String> expected = reference();
    assertSameOutput(run(backend, 2, Map.of("state.checkpoints.dir", dir.toString())), expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void sameOutputWithFailuresAndRestartsFromCheckpoints(String backend) throws Exception {
    List<String> actual = run(backend, 2, Map.of(
        "state.checkpoints.dir", dir.toString(),
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "fixed-delay",
        "restart-strategy.fixed-delay.delay", "10ms"), new ExactlyOnceSink<>(), 3);
    assertSameOutput(actual, reference());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap:1", "hashmap:4", "rocksdb:1", "rocksdb:4", "disaggregated:1", "disaggregated:4"})
  void resumesAtAnotherParallelismFromARunThatDied(String backendAndParallelism) throws Exception {
    resumeAtAnotherParallelism(backendAndParallelism, Map.of());
  }

  /**
   * The same in the asynchronous execution model (every keyed operator of the job through the
   * controller, checkpoints drained with requests in flight): the synchronous reference's output.
   */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap:4", "rocksdb:1", "disaggregated:4"})
  void resumesAtAnotherParallelismWithAsyncState(String backendAndParallelism) throws Exception {
    resumeAtAnotherParallelism(backendAndParallelism, Map.of("execution.async-state.enabled", "true"));
  }

  /** A run at parallelism 2 that dies after a checkpoint, resumed at {@code backend:parallelism}. */
  private void resumeAtAnotherParallelism(String backendAndParallelism, Map<String, String> settings) throws Exception {
    String backend = backendAndParallelism.split(":")[0];
    int parallelism = Integer.parseInt(backendAndParallelism.split(":")[1]);
    Path checkpoints = dir.resolve("checkpoints");
    Map<String, String> dying = new java.util.HashMap<>(settings);
    dying.putAll(Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "state.checkpoints.num-retained", "2",
        "execution.checkpointing.interval", "50ms",
        "restart-strategy.type", "none"));
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    assertThatThrownBy(() -> run(backend, 2, dying, sink, 1)).isInstanceOf(JobExecutionException.class);
    assertThat(new CheckpointStorage(new LocalFileSystem(), checkpoints.toString()).completedIds())
        .as("checkpoints to resume from").isNotEmpty();
    Map<String, String> resuming = new java.util.HashMap<>(settings);
    resuming.putAll(Map.of(
        "state.checkpoints.dir", checkpoints.toString(),
        "execution.checkpointing.interval", "50ms",
        "execution.checkpointing.resume", "true"));
    assertSameOutput(run(backend, parallelism, resuming, sink), reference());
  }

  /** Equal sorted outputs; on a difference, says which lines are missing and which are extra. */
  static void assertSameOutput(List<String> actual, List<String> expected) {
    if (!actual.equals(expected)) {
      Map<String, Integer> diff = new java.util.TreeMap<>();
      expected.forEach(line -> diff.merge(line, 1, Integer::sum));
      actual.forEach(line -> diff.merge(line, -1, Integer::sum));
      diff.values().removeIf(n -> n == 0);
      List<String> report = diff.entrySet().stream().limit(30)
          .map(e -> (e.getValue() > 0 ? "missing x" : "extra x") + Math.abs(e.getValue()) + ": " + e.getKey()).toList();
      Map<String, Integer> kinds = new java.util.TreeMap<>();
      diff.forEach((line, n) -> kinds.merge((n > 0 ? "missing " : "extra ") + line.split("[ @]")[0], Math.abs(n), Integer::sum));
      throw new AssertionError(actual.size() + " lines instead of " + expected.size() + "; " + diff.size()
          + " differ " + kinds + ", first ones:\n" + String.join("\n", report));
    }
  }

  /** All elements of a tumbling window, in the order of their values. */
  static final class ListWindow extends ProcessWindowFunction<Event, String, Integer, TimeWindow> {
    @Override
    public void process(Integer key, Context ctx, Iterable<Event> elements, Collector<String> out) {
      List<Long> values = new ArrayList<>();
      elements.forEach(e -> values.add(e.value()));
      values.sort(null);
      out.collect("tumble " + key + "@" + ctx.window().getStart() + "=" + values);
    }
  }

  /** Labels an aggregate with its key and window. */
  record Labelled(String label) implements WindowFunction<Long, String, Integer, TimeWindow> {
    @Override
    public void apply(Integer key, TimeWindow window, Iterable<Long> input, Collector<String> out) {
      out.collect(label + " " + key + "@" + window.getStart() + "=" + input.iterator().next());
    }
  }

  /** A session's key, bounds and number of events. */
  static final class SessionSize implements WindowFunction<Event, String, Integer, TimeWindow> {
    @Override
    public void apply(Integer key, TimeWindow window, Iterable<Event> input, Collector<String> out) {
      out.collect("session " + key + "@" + window.getStart() + "-" + window.getEnd() + "=" + input.iterator().next().value());
    }
  }
}
