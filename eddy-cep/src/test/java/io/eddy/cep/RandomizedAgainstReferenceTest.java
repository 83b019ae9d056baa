package io.eddy.cep;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.Collector;
import io.eddy.cep.ReferenceMatcher.Contiguity;
import io.eddy.cep.ReferenceMatcher.Skip;
import io.eddy.cep.ReferenceMatcher.Step;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random chains of 2-3 steps under strict, relaxed and non-deterministic contiguity, with and
 * without {@code within}, under every skip strategy, over random short event sequences that
 * arrive slightly out of order with watermarks in between, against {@link ReferenceMatcher};
 * and the same run interrupted by a snapshot and a restore into a fresh operator gives the
 * same matches, also in the asynchronous execution model.
 */
class RandomizedAgainstReferenceTest {
  private static final int CASES = 250;

  @Test
  void matchesTheReferenceAlsoAcrossASnapshotAndRestore() throws Exception {
    Random random = new Random(20261204);
    int matched = 0;
    for (int c = 0; c < CASES; c++) {
      List<Step> steps = new ArrayList<>();
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        steps.add(new Step("abc".charAt(random.nextInt(3)), Contiguity.values()[random.nextInt(3)]));
      }
      Skip skip = Skip.values()[random.nextInt(Skip.values().length)];
      long window = skip != Skip.NO_SKIP || random.nextBoolean() ? 2 + random.nextInt(7) : 0;
      StringBuilder events = new StringBuilder();
      int length = 4 + random.nextInt(6);
      for (int i = 0; i < length; i++) {
        // mostly letters the steps accept, sometimes one none does
        events.append(random.nextInt(5) == 0 ? 'd' : steps.get(random.nextInt(n)).type());
      }
      String input = events.toString();
      String description = "case " + c + ": " + steps + " skip " + skip + " within " + window + " over " + input;

      List<int[]> expectedMatches = ReferenceMatcher.matches(steps, input, window);
      List<Integer> arrival = arrivalOrder(length, random);
      List<String> straight = run(steps, skip, window, input, arrival, -1, false);
      matched += straight.size();
      int snapshotAt = random.nextInt(length + 1);
      List<String> restored = run(steps, skip, window, input, arrival, snapshotAt, false);
      assertThat(restored).as(description + " (snapshot and restore)").isEqualTo(straight);
      List<String> async = run(steps, skip, window, input, arrival, snapshotAt, true);
      assertThat(async).as(description + " (asynchronous state, snapshot and restore)").isEqualTo(straight);
      if (skip == Skip.NO_SKIP) {
        TreeSet<String> expected = new TreeSet<>();
        for (int[] m : expectedMatches) {
          expected.add(positions(m));
        }
        assertThat(new TreeSet<>(straight)).as(description).isEqualTo(expected);
        assertThat(straight).as(description + " (no duplicates)").hasSize(expected.size());
      } else {
        List<String> firstAndLast = new ArrayList<>();
        for (String m : straight) {
          String[] p = m.split(" ");
          firstAndLast.add(p[0] + "-" + p[p.length - 1]);
        }
        assertThat(firstAndLast).as(description).isEqualTo(ReferenceMatcher.afterSkip(expectedMatches, skip));
      }
    }
    assertThat(matched).as("matches over all cases").isGreaterThan(CASES);
  }

  /** Positions in order, each swapped with its neighbour now and then. */
  private static List<Integer> arrivalOrder(int length, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      order.add(i);
    }
    for (int i = 0; i + 1 < length; i++) {
      if (random.nextInt(3) == 0) {
        java.util.Collections.swap(order, i, i + 1);
        i++;
      }
    }
    return order;
  }

  private static String positions(int[] match) {
    StringBuilder b = new StringBuilder();
    for (int p : match) {
      b.append(b.length() == 0 ? "" : " ").append(p);
    }
    return b.toString();
  }

  /**
   * Feeds the events (position p has timestamp p + 1) in arrival order, each followed by the
   * largest watermark that makes no later arrival late; snapshots after {@code snapshotAt}
   * arrivals (if not negative) and continues in a new harness restored from it.
   */
  private static List<String> run(List<Step> steps, Skip skip, long window, String input, List<Integer> arrival,
      int snapshotAt, boolean async) throws Exception {
    Pattern<Integer, ?> pattern = pattern(steps, skip, window, input);
    List<String> output = new ArrayList<>();
    OneInputHarness<Integer, String> h = harness(pattern, null, async);
    for (int k = 0; k < arrival.size(); k++) {
      if (k == snapshotAt) {
        HarnessSnapshot snapshot = h.snapshot();
        output.addAll(h.output());
        h.close();
        h = harness(pattern, snapshot, async);
      }
      int position = arrival.get(k);
      h.processElement(position, position + 1);
      int pending = Integer.MAX_VALUE;
      for (int j = k + 1; j < arrival.size(); j++) {
        pending = Math.min(pending, arrival.get(j));
      }
      if (pending != Integer.MAX_VALUE) {
        h.processWatermark(pending); // the next pending event has timestamp pending + 1
      }
    }
    if (snapshotAt == arrival.size()) {
      HarnessSnapshot snapshot = h.snapshot();
      output.addAll(h.output());
      h.close();
      h = harness(pattern, snapshot, async);
    }
    h.endInput();
    output.addAll(h.output());
    h.close();
    return output;
  }

  private static OneInputHarness<Integer, String> harness(Pattern<Integer, ?> pattern, HarnessSnapshot restored,
      boolean async) throws Exception {
    OneInputHarness<Integer, String> h = OneInputHarness.<Integer, String>of(
        s -> CEP.pattern(s.keyBy(e -> 0), pattern).process(new Positions()));
    if (async) {
      h.asyncState();
    }
    return (restored == null ? h : h.restore(restored)).open();
  }

  /** Events are positions into the input string; a step accepts the positions holding its letter. */
  private static Pattern<Integer, ?> pattern(List<Step> steps, Skip skip, long window, String input) {
    AfterMatchSkipStrategy strategy = switch (skip) {
      case NO_SKIP -> AfterMatchSkipStrategy.noSkip();
      case SKIP_TO_NEXT -> AfterMatchSkipStrategy.skipToNext();
      case SKIP_PAST_LAST -> AfterMatchSkipStrategy.skipPastLastEvent();
      case SKIP_TO_LAST_STEP -> AfterMatchSkipStrategy.skipToLast("s" + (steps.size() - 1));
    };
    Pattern<Integer, Integer> p = Pattern.<Integer>begin("s0", strategy).where(letter(input, steps.get(0).type()));
    for (int i = 1; i < steps.size(); i++) {
      String name = "s" + i;
      p = switch (steps.get(i).contiguity()) {
        case STRICT -> p.next(name);
        case RELAXED -> p.followedBy(name);
        case ANY -> p.followedByAny(name);
      };
      p = p.where(letter(input, steps.get(i).type()));
    }
    return window > 0 ? p.within(Duration.ofMillis(window)) : p;
  }

  private static SimpleCondition<Integer> letter(String input, char type) {
    return SimpleCondition.of(position -> input.charAt(position) == type);
  }

  /** A match as the positions of its events. */
  static final class Positions extends PatternProcessFunction<Integer, String> {
    @Override
    public void processMatch(Map<String, List<Integer>> match, Context ctx, Collector<String> out) {
      StringBuilder b = new StringBuilder();
      match.values().forEach(events -> events.forEach(e -> b.append(b.length() == 0 ? "" : " ").append(e)));
      out.collect(b.toString());
    }
  }
}
