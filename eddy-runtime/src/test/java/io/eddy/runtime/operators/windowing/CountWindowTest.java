package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** countWindow(size) and countWindow(size, slide) against a per-key list model, across snapshot/restore. */
class CountWindowTest {
  /** Emits "key:v1,v2,..." with the window's elements in order. */
  static final class Elements extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, GlobalWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
      StringBuilder sb = new StringBuilder(key).append(':');
      for (Tuple2<String, Integer> e : elements) {
        sb.append(e.f1).append(',');
      }
      out.collect(sb.substring(0, sb.length() - 1));
    }
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> tumbling(long size) {
    return OneInputHarness.of(s -> s.keyBy(x -> x.f0).countWindow(size).process(new Elements()));
  }

  private static OneInputHarness<Tuple2<String, Integer>, String> sliding(long size, long slide) {
    return OneInputHarness.of(s -> s.keyBy(x -> x.f0).countWindow(size, slide).process(new Elements()));
  }

  @Test
  void tumblingCountWindowFiresAndPurgesEverySizeElementsPerKey() throws Exception {
    var h = tumbling(3).open();
    for (int i = 1; i <= 7; i++) {
      h.processElement(Tuple2.of("a", i));
      if (i % 2 == 0) {
        h.processElement(Tuple2.of("b", i));
      }
    }
    h.endInput(); // a count window never fires on time: 7 (a) and 6 (b) stay unevaluated
    assertThat(h.output()).containsExactly("a:1,2,3", "a:4,5,6", "b:2,4,6");
    assertThat(h.outputTimestamps()).containsOnly(Long.MAX_VALUE);
  }

  @Test
  void slidingCountWindowFiresEverySlideOverTheLastSizeElements() throws Exception {
    var h = sliding(3, 2).open();
    for (int i = 1; i <= 7; i++) {
      h.processElement(Tuple2.of("a", i));
    }
    assertThat(h.output()).containsExactly("a:1,2", "a:2,3,4", "a:4,5,6");
  }

  @Test
  void countAndEvictedContentsSurviveSnapshotAndRestore() throws Exception {
    var h = sliding(3, 2).open();
    for (int i = 1; i <= 5; i++) {
      h.processElement(Tuple2.of("a", i));
    }
    HarnessSnapshot snapshot = h.snapshot();
    h.processElement(Tuple2.of("a", 99)); // after the snapshot: lost with the failed task
    var restored = sliding(3, 2).restore(snapshot).open();
    restored.processElement(Tuple2.of("a", 6));
    restored.processElement(Tuple2.of("a", 7));
    restored.processElement(Tuple2.of("a", 8));
    assertThat(restored.output()).containsExactly("a:4,5,6", "a:6,7,8");
  }

  @Test
  void randomInputsMatchAModelAcrossRestores() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      long size = 1 + random.nextInt(5);
      long slide = 1 + random.nextInt(5);
      boolean tumbling = random.nextBoolean();
      Map<String, List<Integer>> seen = new HashMap<>();
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      var h = (tumbling ? tumbling(size) : sliding(size, slide)).open();
      for (int i = 0; i < 200; i++) {
        String key = "k" + random.nextInt(4);
        List<Integer> list = seen.computeIfAbsent(key, k -> new ArrayList<>());
        list.add(i);
        long every = tumbling ? size : slide;
        if (list.size() % every == 0) {
          List<Integer> window = tumbling ? list.subList(list.size() - (int) size, list.size())
              : list.subList(Math.max(0, list.size() - (int) size), list.size());
          expected.add(key + ":" + String.join(",", window.stream().map(String::valueOf).toList()));
        }
        h.processElement(Tuple2.of(key, i));
        if (random.nextInt(30) == 0) {
          HarnessSnapshot snapshot = h.snapshot();
          actual.addAll(h.output());
          h = (tumbling ? tumbling(size) : sliding(size, slide)).restore(snapshot).open();
        }
      }
      actual.addAll(h.output());
      assertThat(actual).as("size %d slide %d tumbling %s", size, slide, tumbling).isEqualTo(expected);
    }
  }
}
