package io.eddy.runtime.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Which consumers each producer of a pointwise (rescale) edge is connected to, as in Flink:
 * with fewer producers than consumers, each producer feeds its own contiguous block of
 * consumers; otherwise each consumer reads a contiguous block of producers, so each producer
 * feeds exactly one consumer. Blocks differ in size by at most one.
 */
public final class PointwiseConnections {
  private PointwiseConnections() {}

  /** The consumer indexes producer {@code producer} (of {@code producers}) sends to, ascending. */
  public static int[] consumersOf(int producer, int producers, int consumers) {
    List<Integer> targets = new ArrayList<>();
    if (producers < consumers) {
      int start = (producer * consumers + producers - 1) / producers;
      int end = ((producer + 1) * consumers + producers - 1) / producers;
      for (int c = start; c < end; c++) {
        targets.add(c);
      }
    } else {
      for (int c = 0; c < consumers; c++) {
        int start = (int) ((long) c * producers / consumers);
        int end = (int) ((long) (c + 1) * producers / consumers);
        if (producer >= start && producer < end) {
          targets.add(c);
        }
      }
    }
    return targets.stream().mapToInt(Integer::intValue).toArray();
  }
}
