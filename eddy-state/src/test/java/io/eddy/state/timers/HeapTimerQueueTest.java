package io.eddy.state.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random adds (duplicates included), removals and polls against a simple model: a list of the
 * distinct timers in registration order, whose first by timestamp (then registration) fires next.
 */
class HeapTimerQueueTest {
  @Test
  void behavesAsASortedSetByTimestampThenRegistration() {
    Random random = new Random(42);
    for (int run = 0; run < 50; run++) {
      HeapTimerQueue<Integer, String> queue = new HeapTimerQueue<>();
      Map<Timer<Integer, String>, Long> model = new LinkedHashMap<>(); // timer -> registration number
      long registered = 0;
      for (int step = 0; step < 2_000; step++) {
        Timer<Integer, String> timer = new Timer<>(random.nextInt(40), random.nextInt(10), "ns", random.nextInt(4));
        int op = random.nextInt(10);
        if (op < 5) {
          boolean fresh = !model.containsKey(timer);
          assertThat(queue.add(timer)).isEqualTo(fresh);
          if (fresh) {
            model.put(timer, registered++);
          }
        } else if (op < 7) {
          assertThat(queue.remove(timer)).isEqualTo(model.remove(timer) != null);
        } else {
          Timer<Integer, String> expected = firing(model).stream().findFirst().orElse(null);
          assertThat(queue.peek()).isEqualTo(expected);
          assertThat(queue.poll()).isEqualTo(expected);
          if (expected != null) {
            model.remove(expected);
          }
        }
        assertThat(queue.size()).isEqualTo(model.size());
      }
      assertThat(queue.snapshot()).containsExactlyElementsOf(firing(model));
      assertThat(queue.timersOfKeyGroup(2))
          .containsExactlyElementsOf(firing(model).stream().filter(t -> t.keyGroup() == 2).toList());
    }
  }

  private static List<Timer<Integer, String>> firing(Map<Timer<Integer, String>, Long> model) {
    List<Timer<Integer, String>> timers = new ArrayList<>(model.keySet());
    timers.sort(Comparator.comparingLong((Timer<Integer, String> t) -> t.timestamp()).thenComparing(model::get));
    return timers;
  }
}
