package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.TestEventSource.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same jobs at parallelism 1, 2 and 4 give the same results, and those match a simple model. */
class ParallelismEquivalenceTest {
  private static final long EVENTS = 20_000;
  private static final int KEYS = 37;

  private static DataStream<Event> events(StreamEnvironment env) {
    return env.fromSource(new TestEventSource(EVENTS, KEYS),
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(60)), "events");
  }

  private static List<String> run(int parallelism, Function<DataStream<Event>, DataStream<String>> job) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    List<String> out = new ArrayList<>();
    job.apply(events(env)).executeAndCollect().forEachRemaining(out::add);
    out.sort(null);
    return out;
  }

  private static List<Event> allEvents() {
    return LongStream.range(0, EVENTS).mapToObj(i -> TestEventSource.event(i, KEYS)).toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void tumblingWindowSumsMatchTheModel(int parallelism) {
    List<String> actual = run(parallelism, s -> s.keyBy(Event::key)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .aggregate(new SumAggregate(), (Integer key, io.eddy.api.windowing.TimeWindow w, Iterable<Long> sums,
            Collector<String> out) -> out.collect(key + "@" + w.getStart() + "=" + sums.iterator().next())));
    Map<String, Long> model = new TreeMap<>();
    for (Event e : allEvents()) {
      model.merge(e.key() + "@" + (e.timestamp() / 1000 * 1000), e.value(), Long::sum);
    }
    List<String> expected = new ArrayList<>();
    model.forEach((k, v) -> expected.add(k + "=" + v));
    expected.sort(null);
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void slidingAndSessionWindowsAgreeAcrossParallelism(int parallelism) {
    Function<DataStream<Event>, DataStream<String>> job = s -> {
      DataStream<String> sliding = s.keyBy(Event::key)
          .window(SlidingEventTimeWindows.of(Duration.ofMillis(2000), Duration.ofMillis(500)))
          .aggregate(new SumAggregate()).map(v -> "slide:" + v);
      DataStream<String> sessions = s.filter(e -> e.value() % 1000 < 500).keyBy(Event::key)
          .window(EventTimeSessionWindows.withGap(Duration.ofMillis(400)))
          .aggregate(new SumAggregate()).map(v -> "session:" + v);
      return sliding.union(sessions);
    };
    assertThat(run(parallelism, job)).isEqualTo(run(1, job)).isNotEmpty();
  }

  /** Emits "key:n" for the n-th record of each key. */
  static final class CountPerKey extends io.eddy.api.functions.KeyedProcessFunction<Integer, Event, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext ctx) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Event e, Context ctx, Collector<String> out) throws Exception {
      long c = count.value() == null ? 1 : count.value() + 1;
      count.update(c);
      out.collect(ctx.getCurrentKey() + ":" + c);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void keyedRunningCountsAreOneToNPerKey(int parallelism) {
    List<String> actual = run(parallelism, s -> s.keyBy(Event::key)
        .map(e -> 1L).keyBy(x -> 0).reduce(Long::sum).map(n -> "n=" + n).filter(x -> x.equals("n=" + EVENTS)));
    assertThat(actual).containsExactly("n=" + EVENTS);
    List<String> perKey = run(parallelism, s -> s.keyBy(Event::key)
        .process(new CountPerKey()));
    assertThat(perKey).hasSize((int) EVENTS).doesNotHaveDuplicates();
  }

  /** Emits "left-right@timestamp". */
  static final class JoinedPair extends ProcessJoinFunction<Event, Event, String> {
    @Override
    public void processElement(Event l, Event r, Context ctx, Collector<String> out) {
      out.collect(l.value() + "-" + r.value() + "@" + ctx.getTimestamp());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void intervalJoinMatchesTheModel(int parallelism) {
    Function<DataStream<Event>, DataStream<String>> job = s -> {
      DataStream<Event> left = s.filter(e -> e.value() % 3 == 0);
      DataStream<Event> right = s.filter(e -> e.value() % 3 == 1);
      return left.keyBy(Event::key).intervalJoin(right.keyBy(Event::key))
          .between(Duration.ofMillis(-400), Duration.ofMillis(400))
          .process(new JoinedPair());
    };
    List<String> expected = new ArrayList<>();
    List<Event> all = allEvents();
    for (Event l : all) {
      if (l.value() % 3 != 0) continue;
      for (Event r : all) {
        if (r.value() % 3 == 1 && r.key() == l.key() && Math.abs(r.timestamp() - l.timestamp()) <= 400) {
          expected.add(l.value() + "-" + r.value() + "@" + Math.max(l.timestamp(), r.timestamp()));
        }
      }
    }
    expected.sort(null);
    assertThat(run(parallelism, job)).isEqualTo(expected).isNotEmpty();
  }

  /** Remembers the last value of each side per key and emits both when a pair is complete. */
  static final class LastPair extends KeyedCoProcessFunction<Integer, Event, Event, String> {
    private transient ValueState<Long> left;

    @Override
    public void open(OpenContext ctx) {
      left = getRuntimeContext().getState(new ValueStateDescriptor<>("left", Long.class));
    }

    @Override
    public void processElement1(Event e, Context ctx, Collector<String> out) throws Exception {
      Long prev = left.value();
      left.update(prev == null ? e.value() : Math.max(prev, e.value()));
    }

    @Override
    public void processElement2(Event e, Context ctx, Collector<String> out) throws Exception {
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + ":" + left.value());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void connectedKeyedStreamsShareStatePerKey(int parallelism) {
    List<String> actual = run(parallelism, s -> s.filter(e -> e.value() % 2 == 0)
        .connect(s.filter(e -> e.value() % 2 == 1)).keyBy(Event::key, Event::key).process(new LastPair()));
    Map<Integer, Long> maxEven = new TreeMap<>();
    for (Event e : allEvents()) {
      if (e.value() % 2 == 0) maxEven.merge(e.key(), e.value(), Math::max);
    }
    List<String> expected = new ArrayList<>();
    maxEven.forEach((k, v) -> expected.add(k + ":" + v));
    expected.sort(null);
    assertThat(actual).isEqualTo(expected);
  }

  static final class SumAggregate implements io.eddy.api.functions.AggregateFunction<Event, long[], Long> {
    @Override public long[] createAccumulator() { return new long[1]; }
    @Override public long[] add(Event e, long[] acc) { acc[0] += e.value(); return acc; }
    @Override public Long getResult(long[] acc) { return acc[0]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; return a; }
  }
}
