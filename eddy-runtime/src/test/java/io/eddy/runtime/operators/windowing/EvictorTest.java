package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.CountEvictor;
import io.eddy.api.windowing.DeltaEvictor;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.TimeEvictor;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Evictors on event-time windows: what the function sees, what stays in the window, and restore. */
class EvictorTest {
  /** Emits "start:v1,v2,..." with the window's elements in order. */
  static final class Elements extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
      StringBuilder sb = new StringBuilder().append(ctx.window().getStart()).append(':');
      for (Tuple2<String, Integer> e : elements) {
        sb.append(e.f1).append(',');
      }
      out.collect(sb.substring(0, sb.length() - 1));
    }
  }

  static final class Average implements AggregateFunction<Tuple2<String, Integer>, long[], Double> {
    @Override public long[] createAccumulator() { return new long[2]; }
    @Override public long[] add(Tuple2<String, Integer> v, long[] acc) { acc[0] += v.f1; acc[1]++; return acc; }
    @Override public Double getResult(long[] acc) { return (double) acc[0] / acc[1]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> harness(
      Evictor<Object, TimeWindow> evictor, Duration lateness) {
    return OneInputHarness.of(s -> s.keyBy(x -> x.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .allowedLateness(lateness).evictor(evictor).process(new Elements()));
  }

  private static Tuple2<String, Integer> a(int v) {
    return Tuple2.of("a", v);
  }

  @Test
  void countEvictorKeepsTheLastElementsBeforeEvaluation() throws Exception {
    var h = harness(CountEvictor.of(2), Duration.ZERO).open();
    h.processElement(a(1), 10);
    h.processElement(a(2), 20);
    h.processElement(a(3), 5); // out of order: arrival order counts, not timestamps
    h.endInput();
    assertThat(h.output()).containsExactly("0:2,3");
  }

  @Test
  void evictedElementsAreGoneWhenALateElementRefiresTheWindow() throws Exception {
    var before = harness(CountEvictor.of(2), Duration.ofMillis(50)).open();
    var after = harness(CountEvictor.of(2, true), Duration.ofMillis(50)).open();
    for (var h : java.util.List.of(before, after)) {
      h.processElement(a(1), 10);
      h.processElement(a(2), 20);
      h.processElement(a(3), 30);
      h.processWatermark(99);
      h.processElement(a(4), 40); // late, within the allowed lateness: fires again at once
    }
    assertThat(before.output()).containsExactly("0:2,3", "0:3,4");
    assertThat(after.output()).containsExactly("0:1,2,3", "0:2,3,4");
  }

  @Test
  void timeEvictorKeepsElementsNewerThanTheNewestMinusTheSize() throws Exception {
    var h = harness(TimeEvictor.of(Duration.ofMillis(30)), Duration.ZERO).open();
    h.processElement(a(1), 10);
    h.processElement(a(2), 60);
    h.processElement(a(3), 30); // 30 <= 60 - 30: evicted
    h.processElement(a(4), 31);
    h.endInput();
    assertThat(h.output()).containsExactly("0:2,4");
  }

  @Test
  void deltaEvictorDropsElementsFarFromTheLastOne() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .evictor(DeltaEvictor.<Tuple2<String, Integer>, TimeWindow>of(5.0, (x, y) -> Math.abs(x.f1 - y.f1)))
        .process(new Elements())).open();
    for (int v : new int[] {1, 20, 8, 12, 10}) {
      h.processElement(a(v), 1);
    }
    h.endInput();
    assertThat(h.output()).containsExactly("0:8,12,10"); // |1-10|, |20-10| >= 5
  }

  @Test
  void reduceAndAggregateWithAnEvictorSeeOnlyTheRemainingElements() throws Exception {
    var reduced = OneInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).evictor(CountEvictor.of(2))
        .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))).open();
    var averaged = OneInputHarness.<Tuple2<String, Integer>, Double>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).evictor(CountEvictor.of(2))
        .aggregate(new Average())).open();
    for (var h : java.util.List.of(reduced, averaged)) {
      for (int v : new int[] {100, 2, 4}) {
        ((OneInputHarness<Tuple2<String, Integer>, ?>) h).processElement(a(v), 1);
      }
      h.endInput();
    }
    assertThat(reduced.output()).containsExactly(a(6));
    assertThat(averaged.output()).containsExactly(3.0);
  }

  @Test
  void mergingSessionsKeepTheContentsOfEveryMergedSessionForTheEvictor() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>>of(s -> s.keyBy(x -> x.f0)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(20))).evictor(TimeEvictor.of(Duration.ofMillis(30)))
        .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))).open();
    h.processElement(a(1), 0);
    h.processElement(a(2), 40);
    h.processElement(a(3), 45);
    h.processElement(a(4), 20); // [20, 40) touches [0, 20) and [40, 65): one session of four elements
    h.endInput();
    assertThat(h.output()).containsExactly(a(2 + 3 + 4)); // newest 45: 1@0 is not within 30 ms
    assertThat(h.outputTimestamps()).containsExactly(64L);
  }

  @Test
  void windowContentsWithTimestampsSurviveSnapshotAndRestore() throws Exception {
    var h = harness(TimeEvictor.of(Duration.ofMillis(30)), Duration.ZERO).open();
    h.processElement(a(1), 10);
    h.processElement(a(2), 50);
    HarnessSnapshot snapshot = h.snapshot();
    var restored = harness(TimeEvictor.of(Duration.ofMillis(30)), Duration.ZERO).restore(snapshot).open();
    restored.processElement(a(3), 70);
    restored.processElement(a(4), 150);
    restored.endInput();
    assertThat(restored.output()).containsExactly("0:2,3", "100:4");
  }
}
