package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessAllWindowFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** windowAll and countWindowAll: one window operator over the whole stream, at parallelism 1. */
class AllWindowTest {
  /** Emits "start:sum:firing" where firing counts the evaluations of this window (window state). */
  static final class SumWithFirings extends ProcessAllWindowFunction<Integer, String, TimeWindow> {
    @Override
    public void process(Context ctx, Iterable<Integer> elements, Collector<String> out) throws Exception {
      ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
      int firing = firings.value() == null ? 1 : firings.value() + 1;
      firings.update(firing);
      int sum = 0;
      for (int e : elements) {
        sum += e;
      }
      out.collect(ctx.window().getStart() + ":" + sum + ":" + firing);
    }
  }

  private static OneInputHarness<Integer, String> processAll(OutputTag<Integer> late) {
    return OneInputHarness.of(s -> s.windowAll(TumblingEventTimeWindows.<Integer>of(Duration.ofMillis(10)))
        .allowedLateness(Duration.ofMillis(5)).sideOutputLateData(late).process(new SumWithFirings()));
  }

  @Test
  void processAllWindowFunctionSeesAllRecordsLateFiringsAndWindowState() throws Exception {
    OutputTag<Integer> late = new OutputTag<>("late");
    var h = processAll(late).open();
    h.processElement(1, 1);
    h.processElement(2, 12);
    h.processElement(4, 3);
    h.processWatermark(10);
    assertThat(h.output()).containsExactly("0:5:1");
    h.processElement(8, 9); // late but within the lateness: fires again
    HarnessSnapshot snapshot = h.snapshot();
    var restored = processAll(late).restore(snapshot).open();
    restored.processElement(16, 2); // still within the lateness after the restore
    restored.processWatermark(14); // [0,10) cleaned up at 9 + 5
    restored.processElement(32, 5); // too late
    restored.endInput();
    assertThat(h.output()).containsExactly("0:5:1", "0:13:2");
    assertThat(restored.output()).containsExactly("0:29:3", "10:2:1");
    assertThat(restored.sideOutput(late)).containsExactly(32);
  }

  @Test
  void applyReduceAndAggregateOverAllRecords() throws Exception {
    var applied = OneInputHarness.<Integer, String>of(s -> s.windowAll(TumblingEventTimeWindows.<Integer>of(Duration.ofMillis(10)))
        .apply((TimeWindow w, Iterable<Integer> values, Collector<String> out) -> out.collect(w.getStart() + ":" + values)))
        .open();
    var reduced = OneInputHarness.<Integer, Integer>of(s -> s.windowAll(TumblingEventTimeWindows.<Integer>of(Duration.ofMillis(10)))
        .reduce(Integer::sum)).open();
    for (var h : List.of(applied, reduced)) {
      @SuppressWarnings("unchecked")
      var input = (OneInputHarness<Integer, ?>) h;
      input.processElement(1, 1);
      input.processElement(2, 15);
      input.processElement(3, 2);
      input.endInput();
    }
    assertThat(applied.output()).containsExactly("0:[1, 3]", "10:[2]");
    assertThat(reduced.output()).containsExactly(4, 2);
  }

  @Test
  void countWindowAllSlidesOverTheWholeStream() throws Exception {
    var h = OneInputHarness.<Integer, String>of(s -> s.countWindowAll(3, 2)
        .apply((GlobalWindow w, Iterable<Integer> values, Collector<String> out) -> out.collect(values.toString())))
        .open();
    for (int i = 1; i <= 6; i++) {
      h.processElement(i);
    }
    assertThat(h.output()).containsExactly("[1, 2]", "[2, 3, 4]", "[4, 5, 6]");
  }

  @Test
  void windowAllRunsAtParallelismOne() {
    DataStream<Integer> input = StreamEnvironment.create().setParallelism(4).fromCollection(List.of(1, 2, 3));
    var all = input.map(x -> x).countWindowAll(2).reduce(Integer::sum);
    assertThat(all.getParallelism()).isEqualTo(1);
    assertThat(all.getTransformation().getName()).startsWith("AllWindow(Reduce)");
    assertThatThrownBy(() -> all.setParallelism(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non parallel operator");
    all.setParallelism(1);
  }
}
