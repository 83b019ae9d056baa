package io.eddy.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsSummaryTest {
  @Test
  void nearestRankQuantilesOfRandomValuesMatchASortedCopy() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(300);
      StatsSummary summary = new StatsSummary(1000);
      List<Long> model = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long v = random.nextInt(5000);
        summary.add(v);
        model.add(v);
      }
      for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 1.0}) {
        assertEquals(smallestCovering(model, q), summary.quantile(q), "q=" + q + " n=" + n);
      }
    }
  }

  /** The smallest value v of {@code values} with at least {@code q} of them at or below v. */
  private static long smallestCovering(List<Long> values, double q) {
    long best = Long.MAX_VALUE;
    for (long v : values) {
      long atOrBelow = values.stream().filter(x -> x <= v).count();
      if (atOrBelow >= q * values.size() && v < best) {
        best = v;
      }
    }
    return best;
  }

  @Test
  void keepsOnlyTheLatestWindowOfValues() {
    StatsSummary summary = new StatsSummary(3);
    for (long v : new long[] {1000, 900, 5, 6, 7}) {
      summary.add(v);
    }
    assertEquals(5, summary.count());
    assertEquals(7, summary.quantile(1.0));
    assertEquals(6, summary.quantile(0.5));
  }

  @Test
  void emptyIsZero() {
    assertEquals(0, new StatsSummary(10).quantile(0.99));
  }
}
