package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.CountTrigger;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window operators give the same results in the asynchronous execution model as in the
 * synchronous one: random keys, out-of-order timestamps, watermarks, allowed lateness with late
 * elements sent to a side output, merging session windows, trigger state, and a checkpoint taken
 * and restored at a random point (while state requests may be in flight).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AsyncWindowEquivalenceTest {
  private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late");

  record Case(String name, Function<DataStream<Tuple2<String, Integer>>, DataStream<Object>> pipeline) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final class Count implements AggregateFunction<Tuple2<String, Integer>, long[], String> {
    @Override public long[] createAccumulator() { return new long[2]; }
    @Override public long[] add(Tuple2<String, Integer> value, long[] acc) {
      acc[0]++;
      acc[1] += value.f1;
      return acc;
    }
    @Override public String getResult(long[] acc) { return acc[0] + "/" + acc[1]; }
    @Override public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      a[1] += b[1];
      return a;
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataStream<Object> any(DataStream<?> stream) {
    return (DataStream) stream;
  }

  static List<Case> cases() {
    return List.of(
        new Case("tumbling, lateness, late side output, process function", s -> any(s.keyBy(x -> x.f0)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(20))).allowedLateness(Duration.ofMillis(15))
            .sideOutputLateData(LATE).process(new WindowOperatorTest.Describe()))),
        new Case("sliding, sliced aggregate", s -> any(s.keyBy(x -> x.f0)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
            .sideOutputLateData(LATE).aggregate(new Count()))),
        new Case("sliding, lateness, reduce", s -> any(s.keyBy(x -> x.f0)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10)))
            .allowedLateness(Duration.ofMillis(10)).sideOutputLateData(LATE)
            .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)))),
        new Case("session, lateness, process function", s -> any(s.keyBy(x -> x.f0)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(7))).allowedLateness(Duration.ofMillis(10))
            .sideOutputLateData(LATE).process(new WindowOperatorTest.Describe()))),
        new Case("session, aggregate", s -> any(s.keyBy(x -> x.f0)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(5))).aggregate(new Count()))),
        new Case("tumbling, count trigger state, reduce", s -> any(s.keyBy(x -> x.f0)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(50))).trigger(CountTrigger.of(3))
            .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)))),
        new Case("enableAsyncState() on the keyed stream", s -> any(s.keyBy(x -> x.f0).enableAsyncState()
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(20))).aggregate(new Count()))));
  }

  /** What a run produced: main output and late elements, each sorted (keys may interleave differently). */
  record Result(List<String> output, List<String> late) {}

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("casesAndSeeds")
  void asyncEqualsSync(Case c, long seed) throws Exception {
    Result sync = run(c, seed, false);
    Result async = run(c, seed, true);
    assertThat(sync.output()).isNotEmpty();
    assertThat(async).isEqualTo(sync);
  }

  static List<Object[]> casesAndSeeds() {
    List<Object[]> all = new ArrayList<>();
    for (Case c : cases()) {
      for (long seed : new long[] {1, 2}) {
        all.add(new Object[] {c, seed});
      }
    }
    return all;
  }

  private static Result run(Case c, long seed, boolean async) throws Exception {
    Random random = new Random(seed);
    int elements = 2_000;
    int restoreAt = 200 + random.nextInt(elements - 400);
    List<String> output = new ArrayList<>();
    List<String> late = new ArrayList<>();
    OneInputHarness<Tuple2<String, Integer>, Object> h = harness(c, async, null);
    long time = 0;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < elements; i++) {
      time += random.nextInt(3);
      long timestamp = Math.max(0, time - random.nextInt(40)); // out of order, some late
      h.processElement(Tuple2.of("k" + random.nextInt(7), random.nextInt(100)), timestamp);
      if (random.nextInt(15) == 0 && time - 20 > watermark) {
        watermark = time - 20;
        h.processWatermark(watermark);
      }
      if (i == restoreAt) {
        HarnessSnapshot snapshot = h.snapshot();
        collect(h, output, late);
        h.close();
        h = harness(c, async, snapshot);
      }
    }
    h.endInput();
    collect(h, output, late);
    h.close();
    output.sort(null);
    late.sort(null);
    return new Result(output, late);
  }

  private static OneInputHarness<Tuple2<String, Integer>, Object> harness(Case c, boolean async,
      HarnessSnapshot restore) throws Exception {
    OneInputHarness<Tuple2<String, Integer>, Object> h = OneInputHarness.of(c.pipeline());
    if (async) {
      h.asyncState();
    }
    if (restore != null) {
      h.restore(restore);
    }
    return h.open();
  }

  private static void collect(OneInputHarness<Tuple2<String, Integer>, Object> h, List<String> output,
      List<String> late) {
    h.output().forEach(o -> output.add(String.valueOf(o)));
    h.sideOutput(LATE).forEach(o -> late.add(String.valueOf(o)));
    h.clearOutput();
  }
}
