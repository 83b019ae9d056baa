package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.types.TypeSerializers;
import io.eddy.api.windowing.ContinuousEventTimeTrigger;
import io.eddy.api.windowing.ContinuousProcessingTimeTrigger;
import io.eddy.api.windowing.CountTrigger;
import io.eddy.api.windowing.DeltaTrigger;
import io.eddy.api.windowing.EventTimeSessionWindows;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.GlobalWindows;
import io.eddy.api.windowing.ProcessingTimeTrigger;
import io.eddy.api.windowing.TimeWindow;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.api.windowing.TumblingProcessingTimeWindows;
import io.eddy.api.windowing.Window;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in triggers in the window operator: firing times, trigger state, merging and restore. */
class TriggerTest {
  /** Emits "window:sum:count" (window as start-end for time windows, "global" otherwise). */
  static final class Describe<W extends Window> extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, W> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
      int sum = 0;
      int count = 0;
      for (Tuple2<String, Integer> e : elements) {
        sum += e.f1;
        count++;
      }
      String window = ctx.window() instanceof TimeWindow w ? w.getStart() + "-" + w.getEnd() : "global";
      out.collect(window + ":" + sum + ":" + count);
    }
  }

  private static Tuple2<String, Integer> a(int v) {
    return Tuple2.of("a", v);
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> continuousEventTime() {
    return OneInputHarness.of(s -> s.keyBy(x -> x.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
        .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(30))).process(new Describe<>()));
  }

  @Test
  void continuousEventTimeTriggerFiresEveryIntervalAndAtTheWindowEnd() throws Exception {
    var h = continuousEventTime().open();
    h.processElement(a(1), 5); // first fire time: end of [0, 30)
    h.processElement(a(2), 40);
    h.processWatermark(29);
    assertThat(h.output()).isEmpty();
    h.processWatermark(30);
    assertThat(h.output()).containsExactly("0-100:3:2");
    h.processElement(a(4), 70);
    h.processWatermark(100); // fires at 60, 90 and at the window's max timestamp 99
    assertThat(h.output()).containsExactly("0-100:3:2", "0-100:7:3", "0-100:7:3", "0-100:7:3");
    assertThat(h.outputTimestamps()).containsOnly(99L);
  }

  @Test
  void continuousEventTimeTriggerStateAndTimersSurviveRestore() throws Exception {
    var h = continuousEventTime().open();
    h.processElement(a(1), 5);
    h.processWatermark(30);
    HarnessSnapshot snapshot = h.snapshot();
    var restored = continuousEventTime().restore(snapshot).open();
    restored.processElement(a(2), 50);
    restored.processWatermark(60);
    assertThat(restored.output()).containsExactly("0-100:3:2");
    restored.processWatermark(200);
    assertThat(restored.output()).containsExactly("0-100:3:2", "0-100:3:2", "0-100:3:2");
  }

  @Test
  void continuousProcessingTimeTriggerFiresOnTheClock() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
        .trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30))).process(new Describe<>())).open();
    h.setProcessingTime(5);
    h.processElement(a(1));
    h.setProcessingTime(35);
    assertThat(h.output()).containsExactly("0-100:1:1");
    h.processElement(a(2));
    h.setProcessingTime(100); // 60, 90, then 99 (the window's end, also its cleanup)
    assertThat(h.output()).containsExactly("0-100:1:1", "0-100:3:2", "0-100:3:2", "0-100:3:2");
    h.setProcessingTime(1000);
    assertThat(h.output()).hasSize(4);
  }

  @Test
  void countTriggerAddsTheCountsOfMergedSessions() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(20))).trigger(CountTrigger.of(3))
        .process(new Describe<>())).open();
    h.processElement(a(1), 0); // [0, 20): count 1
    h.processElement(a(2), 30); // [30, 50): count 1
    assertThat(h.output()).isEmpty();
    h.processElement(a(4), 15); // [15, 35) bridges both: 1 + 1 merged, + 1 = 3
    assertThat(h.output()).containsExactly("0-50:7:3");
    h.endInput(); // a count trigger does not fire on time; the session is cleaned up
    assertThat(h.output()).hasSize(1);
  }

  @Test
  void deltaTriggerFiresWhenAnElementMovesFarFromTheLastFiring() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(GlobalWindows.create())
        .trigger(DeltaTrigger.<Tuple2<String, Integer>, GlobalWindow>of(5.0, (x, y) -> Math.abs(x.f1 - y.f1),
            TypeSerializers.generic()))
        .process(new Describe<>())).open();
    for (int v : new int[] {1, 3, 7, 9, 12, 13}) {
      h.processElement(a(v));
    }
    assertThat(h.output()).containsExactly("global:11:3", "global:45:6");
  }

  @Test
  void endOfStreamTriggerFiresGlobalWindowsOnceAtTheEndOfInput() throws Exception {
    var h = OneInputHarness.<Tuple2<String, Integer>, String>of(s -> s.keyBy(x -> x.f0)
        .window(GlobalWindows.createWithEndOfStreamTrigger()).process(new Describe<>())).open();
    h.processElement(a(1), 5);
    h.processElement(a(2), 7);
    h.processWatermark(1_000_000);
    assertThat(h.output()).isEmpty();
    h.endInput();
    assertThat(h.output()).containsExactly("global:3:2");
  }

  @Test
  void aMergingAssignerRefusesATriggerThatCannotMerge() {
    var sessions = StreamEnvironment.create().fromCollection(List.of(a(1))).keyBy(x -> x.f0)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
    assertThatThrownBy(() -> sessions.trigger(new DeltaTriggerHolder().trigger))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("does not support merging");
    sessions.trigger(ProcessingTimeTrigger.create()); // can merge
  }

  private static final class DeltaTriggerHolder {
    final DeltaTrigger<Tuple2<String, Integer>, TimeWindow> trigger =
        DeltaTrigger.of(1.0, (x, y) -> 0.0, TypeSerializers.generic());
  }
}
