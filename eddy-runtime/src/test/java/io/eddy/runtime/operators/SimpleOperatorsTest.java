package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.tuple.Tuple4;
import io.eddy.runtime.testing.OneInputHarness;
import io.eddy.runtime.testing.TwoInputHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stateless and rolling operators, each driven through the harness. */
class SimpleOperatorsTest {

  @Test
  void mapFilterFlatMapKeepTimestamps() throws Exception {
    var map = OneInputHarness.<Integer, Integer>of(s -> s.map(x -> x * 10)).open();
    map.processElement(1, 5);
    map.processElement(2);
    assertThat(map.output()).containsExactly(10, 20);
    assertThat(map.outputTimestamps()).containsExactly(5L, Long.MIN_VALUE);

    var filter = OneInputHarness.<Integer, Integer>of(s -> s.filter(x -> x % 2 == 0)).open();
    for (int i = 0; i < 6; i++) {
      filter.processElement(i, i);
    }
    assertThat(filter.output()).containsExactly(0, 2, 4);
    assertThat(filter.outputTimestamps()).containsExactly(0L, 2L, 4L);

    var flat = OneInputHarness.<String, String>of(s -> s.flatMap((String line, Collector<String> out) -> {
      for (String w : line.split(" ")) out.collect(w);
    })).open();
    flat.processElement("a b c", 7);
    assertThat(flat.output()).containsExactly("a", "b", "c");
    assertThat(flat.outputTimestamps()).containsOnly(7L);
    flat.processWatermark(3);
    assertThat(flat.watermarks()).containsExactly(3L);
  }

  static final class SplitOddEven extends ProcessFunction<Integer, Integer> {
    static final OutputTag<String> ODD = new OutputTag<>("odd");

    @Override
    public void processElement(Integer v, Context ctx, Collector<Integer> out) {
      if (v % 2 == 0) {
        out.collect(v);
      } else {
        ctx.output(ODD, "odd " + v + " at " + ctx.timestamp());
      }
    }
  }

  @Test
  void processFunctionRoutesSideOutputs() throws Exception {
    var h = OneInputHarness.<Integer, Integer>of(s -> s.process(new SplitOddEven())).open();
    h.processElement(1, 100);
    h.processElement(2, 200);
    assertThat(h.output()).containsExactly(2);
    assertThat(h.sideOutput(SplitOddEven.ODD)).containsExactly("odd 1 at 100");
  }

  record Reading(String sensor, long value) {}

  @Test
  void rollingFieldAggregationsOnTuplesAndRecords() throws Exception {
    var sum = OneInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>>of(s -> s.keyBy(t -> t.f0).sum(1)).open();
    sum.processElement(Tuple2.of("a", 1));
    sum.processElement(Tuple2.of("b", 5));
    sum.processElement(Tuple2.of("a", 2));
    assertThat(sum.output()).containsExactly(Tuple2.of("a", 1), Tuple2.of("b", 5), Tuple2.of("a", 3));

    var max = OneInputHarness.<Reading, Reading>of(s -> s.keyBy(Reading::sensor).max("value")).open();
    max.processElement(new Reading("x", 3));
    max.processElement(new Reading("x", 1));
    max.processElement(new Reading("x", 9));
    assertThat(max.output()).extracting(Reading::value).containsExactly(3L, 3L, 9L);

    var minBy = OneInputHarness.<Tuple3<String, Integer, String>, Tuple3<String, Integer, String>>of(
        s -> s.keyBy(t -> t.f0).minBy("f1")).open();
    minBy.processElement(Tuple3.of("k", 5, "first"));
    minBy.processElement(Tuple3.of("k", 5, "tie"));
    minBy.processElement(Tuple3.of("k", 2, "lower"));
    assertThat(minBy.output()).extracting(t -> t.f2).containsExactly("first", "first", "lower");

    var min = OneInputHarness.<Tuple3<String, Integer, String>, Tuple3<String, Integer, String>>of(
        s -> s.keyBy(t -> t.f0).min(1)).open();
    min.processElement(Tuple3.of("k", 5, "first"));
    min.processElement(Tuple3.of("k", 2, "lower"));
    assertThat(min.output().get(1)).isEqualTo(Tuple3.of("k", 2, "first"));
  }

  /** A Flink-style POJO: public fields, public no-argument constructor, not Serializable. */
  public static class Trade {
    public String symbol;
    public long volume;
    public Trade() {}

    Trade(String symbol, long volume) {
      this.symbol = symbol;
      this.volume = volume;
    }
  }

  @Test
  void rollingFieldAggregationsOnWideTuplesAndPojos() throws Exception {
    var sum = OneInputHarness.<Tuple4<String, Integer, String, Long>, Tuple4<String, Integer, String, Long>>of(
        s -> s.keyBy(t -> t.f0).sum(3)).open();
    sum.processElement(Tuple4.of("a", 1, "x", 10L));
    sum.processElement(Tuple4.of("a", 2, "y", 5L));
    assertThat(sum.output()).containsExactly(Tuple4.of("a", 1, "x", 10L), Tuple4.of("a", 1, "x", 15L));

    var pojoSum = OneInputHarness.<Trade, Trade>of(s -> s.keyBy(t -> t.symbol).sum("volume")).open();
    pojoSum.processElement(new Trade("EDDY", 100));
    pojoSum.processElement(new Trade("EDDY", 20));
    pojoSum.processElement(new Trade("FLNK", 7));
    assertThat(pojoSum.output()).extracting(t -> t.symbol + "=" + t.volume)
        .containsExactly("EDDY=100", "EDDY=120", "FLNK=7");
  }

  static final class Mean implements AggregateFunction<Integer, int[], Double> {
    @Override public int[] createAccumulator() { return new int[2]; }
    @Override public int[] add(Integer v, int[] a) { a[0] += v; a[1]++; return a; }
    @Override public Double getResult(int[] a) { return (double) a[0] / a[1]; }
    @Override public int[] merge(int[] a, int[] b) { a[0] += b[0]; a[1] += b[1]; return a; }
  }

  @Test
  void rollingReduceAndAggregatePerKey() throws Exception {
    var reduce = OneInputHarness.<Integer, Integer>of(s -> s.keyBy(x -> x % 2).reduce(Integer::sum)).open();
    for (int i = 1; i <= 5; i++) {
      reduce.processElement(i);
    }
    assertThat(reduce.output()).containsExactly(1, 2, 4, 6, 9);

    var mean = OneInputHarness.<Integer, Double>of(s -> s.keyBy(x -> 0).aggregate(new Mean())).open();
    mean.processElement(2);
    mean.processElement(4);
    assertThat(mean.output()).containsExactly(2.0, 3.0);
  }

  static final class Merge extends CoProcessFunction<String, Integer, String> {
    @Override
    public void processElement1(String v, Context ctx, Collector<String> out) {
      out.collect("1:" + v);
    }

    @Override
    public void processElement2(Integer v, Context ctx, Collector<String> out) {
      out.collect("2:" + v);
    }
  }

  @Test
  void coProcessSeesBothInputsAndForwardsTheMinimumWatermark() throws Exception {
    var h = TwoInputHarness.<String, Integer, String>of((a, b) -> a.connect(b).process(new Merge())).open();
    h.processElement1("x", 1);
    h.processElement2(7, 2);
    assertThat(h.output()).containsExactly("1:x", "2:7");
    h.processWatermark1(10);
    assertThat(h.watermarks()).isEmpty();
    h.processWatermark2(5);
    assertThat(h.watermarks()).containsExactly(5L);
    h.processWatermark2(20);
    assertThat(h.watermarks()).containsExactly(5L, 10L);
  }

  record Event(long time) {}

  @Test
  void timestampsAndWatermarksRetimeRecordsAndReplaceUpstreamWatermarks() throws Exception {
    var h = OneInputHarness.<Event, Event>of(s -> s.assignTimestampsAndWatermarks(
        WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(5)).withTimestampAssigner((e, ts) -> e.time())))
        .open();
    h.processElement(new Event(100), 1);
    h.processWatermark(50); // upstream watermark: ignored
    assertThat(h.outputTimestamps()).containsExactly(100L);
    assertThat(h.watermarks()).isEmpty();
    h.setProcessingTime(1000); // periodic emission
    assertThat(h.watermarks()).containsExactly(94L);
    h.endInput();
    assertThat(h.watermarks()).containsExactly(94L, Long.MAX_VALUE);
  }
}
