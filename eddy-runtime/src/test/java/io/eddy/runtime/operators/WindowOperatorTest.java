package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.SlidingEventTimeWindows;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.api.windowing.TumblingProcessingTimeWindows;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
  private static Tuple2<String, Integer> t(String k, int v) {
    return Tuple2.of(k, v);
  }

  /** Emits "key@start-end:sum:count" for a window. */
  static final class Describe extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
      int sum = 0;
      int count = 0;
      for (Tuple2<String, Integer> e : elements) {
        sum += e.f1;
        count++;
      }
      out.collect(key + "@" + ctx.window().getStart() + "-" + ctx.window().getEnd() + ":" + sum + ":" + count);
    }
  }

  @Test
  void tumblingWindowsFireWhenWatermarkPassesEndAndAcceptOutOfOrderRecords() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new Describe())).open();
    h.processElement(t("a", 1), 3);
    h.processElement(t("a", 2), 12);
    h.processElement(t("a", 4), 9); // out of order, same first window
    h.processElement(t("b", 8), 0);
    h.processWatermark(8);
    assertThat(h.output()).isEmpty();
    h.processWatermark(9); // window [0,10) max timestamp is 9
    assertThat(h.output()).containsExactlyInAnyOrder("a@0-10:5:2", "b@0-10:8:1");
    assertThat(h.outputTimestamps()).containsOnly(9L);
    h.clearOutput();
    h.endInput();
    assertThat(h.output()).containsExactly("a@10-20:2:1");
  }

  @Test
  void emptyWindowsEmitNothing() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new Describe())).open();
    h.processElement(t("a", 1), 5);
    h.processElement(t("a", 1), 45);
    h.endInput();
    assertThat(h.output()).containsExactly("a@0-10:1:1", "a@40-50:1:1");
  }

  @Test
  void lateRecordsGoToSideOutputOrAreCountedAndDropped() throws Exception {
    OutputTag<Tuple2<String, Integer>> late = new OutputTag<>("late");
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sideOutputLateData(late)
        .process(new Describe())).open();
    h.processElement(t("a", 1), 5);
    h.processWatermark(20);
    h.processElement(t("a", 7), 3);
    assertThat(h.output()).containsExactly("a@0-10:1:1");
    assertThat(h.sideOutput(late)).containsExactly(t("a", 7));

    var dropping = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).process(new Describe())).open();
    dropping.processWatermark(20);
    dropping.processElement(t("a", 7), 3);
    dropping.endInput();
    assertThat(dropping.output()).isEmpty();
    assertThat(dropping.counter("Window(Process) TumblingEventTimeWindows(10).numLateRecordsDropped")).isEqualTo(1);
  }

  @Test
  void allowedLatenessRefiresWindowUntilCleanup() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(5))
        .process(new Describe())).open();
    h.processElement(t("a", 1), 5);
    h.processWatermark(10);
    assertThat(h.output()).containsExactly("a@0-10:1:1");
    h.processElement(t("a", 2), 6); // late but within lateness: fires again with all contents
    assertThat(h.output()).containsExactly("a@0-10:1:1", "a@0-10:3:2");
    h.processWatermark(14); // cleanup at 9 + 5 = 14
    h.processElement(t("a", 4), 7); // now too late
    assertThat(h.output()).hasSize(2);
  }

  @Test
  void sessionWindowsMergeWhenGapsOverlap() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(new Describe())).open();
    h.processElement(t("a", 1), 0);
    h.processElement(t("a", 2), 25); // separate session [25,35)
    h.processElement(t("a", 4), 8); // [8,18) merges with [0,10) -> [0,18)
    h.processElement(t("a", 8), 17); // [17,27) bridges [0,18) and [25,35) -> [0,35)
    h.processElement(t("b", 16), 100);
    h.endInput();
    assertThat(h.output()).containsExactlyInAnyOrder("a@0-35:15:4", "b@100-110:16:1");
  }

  @Test
  void slidingWindowsAssignEachRecordToSizeOverSlideWindows() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>>of(s -> s.keyBy(x -> x.f0)
        .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
        .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))).open();
    h.processElement(t("a", 1), 7);
    h.processElement(t("a", 10), 12);
    h.endInput();
    // windows [0,10) {7}, [5,15) {7,12}, [10,20) {12}
    assertThat(h.output()).containsExactly(t("a", 1), t("a", 11), t("a", 10));
    assertThat(h.outputTimestamps()).containsExactly(9L, 14L, 19L);
  }

  static final class Average implements AggregateFunction<Tuple2<String, Integer>, long[], Double> {
    @Override public long[] createAccumulator() { return new long[2]; }
    @Override public long[] add(Tuple2<String, Integer> v, long[] acc) { acc[0] += v.f1; acc[1]++; return acc; }
    @Override public Double getResult(long[] acc) { return (double) acc[0] / acc[1]; }
    @Override public long[] merge(long[] a, long[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
  }

  @Test
  void incrementalAggregateWithWindowFunctionSeesOneResult() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
        .aggregate(new Average(), (String key, TimeWindow w, Iterable<Double> avg, Collector<String> out) ->
            out.collect(key + "=" + avg.iterator().next()))).open();
    h.processElement(t("a", 1), 1);
    h.processElement(t("a", 2), 2);
    h.processElement(t("a", 6), 3);
    h.endInput();
    assertThat(h.output()).containsExactly("a=3.0");
  }

  @Test
  void processingTimeWindowsFireOnTheClock() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100))).process(new Describe())).open();
    h.setProcessingTime(50);
    h.processElement(t("a", 1));
    h.processElement(t("a", 2));
    h.setProcessingTime(98);
    assertThat(h.output()).isEmpty();
    h.setProcessingTime(99); // the window's last millisecond

    assertThat(h.output()).containsExactly("a@0-100:3:2");
    h.setProcessingTime(120);
    h.processElement(t("a", 5));
    h.setProcessingTime(250);
    assertThat(h.output()).containsExactly("a@0-100:3:2", "a@100-200:5:1");
  }
}
