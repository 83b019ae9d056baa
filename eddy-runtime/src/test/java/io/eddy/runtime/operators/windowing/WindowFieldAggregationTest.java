package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.tuple.Tuple3;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** sum/min/max/minBy/maxBy on keyed and all-windows: per window, as Flink's field aggregations. */
class WindowFieldAggregationTest {
  private static final TumblingEventTimeWindows<Tuple3<String, Integer, Integer>> TEN_MS =
      TumblingEventTimeWindows.of(Duration.ofMillis(10));

  private static OneInputHarness<Tuple3<String, Integer, Integer>, Tuple3<String, Integer, Integer>> run(
      Function<DataStream<Tuple3<String, Integer, Integer>>, DataStream<Tuple3<String, Integer, Integer>>> pipeline)
      throws Exception {
    var h = OneInputHarness.of(pipeline).open();
    h.processElement(Tuple3.of("a", 3, 1), 1);
    h.processElement(Tuple3.of("a", 1, 2), 2);
    h.processElement(Tuple3.of("a", 3, 3), 3);
    h.processElement(Tuple3.of("b", 7, 4), 4);
    h.processElement(Tuple3.of("a", 5, 5), 15);
    h.endInput();
    return h;
  }

  @Test
  void keyedWindowAggregationsPerWindowAndKey() throws Exception {
    assertThat(run(s -> s.keyBy(t -> t.f0).window(TEN_MS).sum(1)).output())
        .containsExactly(Tuple3.of("a", 7, 1), Tuple3.of("b", 7, 4), Tuple3.of("a", 5, 5));
    assertThat(run(s -> s.keyBy(t -> t.f0).window(TEN_MS).min(1)).output())
        .containsExactly(Tuple3.of("a", 1, 1), Tuple3.of("b", 7, 4), Tuple3.of("a", 5, 5));
    assertThat(run(s -> s.keyBy(t -> t.f0).window(TEN_MS).maxBy(1)).output())
        .containsExactly(Tuple3.of("a", 3, 1), Tuple3.of("b", 7, 4), Tuple3.of("a", 5, 5));
    assertThat(run(s -> s.keyBy(t -> t.f0).window(TEN_MS).minBy("f1")).output())
        .containsExactly(Tuple3.of("a", 1, 2), Tuple3.of("b", 7, 4), Tuple3.of("a", 5, 5));
  }

  @Test
  void allWindowAggregationsOverEveryKey() throws Exception {
    assertThat(run(s -> s.windowAll(TEN_MS).sum(1)).output())
        .containsExactly(Tuple3.of("a", 14, 1), Tuple3.of("a", 5, 5));
    assertThat(run(s -> s.windowAll(TEN_MS).max(1)).output())
        .containsExactly(Tuple3.of("a", 7, 1), Tuple3.of("a", 5, 5));
    assertThat(run(s -> s.windowAll(TEN_MS).maxBy(2)).output())
        .containsExactly(Tuple3.of("b", 7, 4), Tuple3.of("a", 5, 5));
  }
}
