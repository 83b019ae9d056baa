package io.eddy.runtime.execution;

import java.util.Arrays;

/**
 * Quantiles of a distribution of values, such as checkpoint durations, over the latest {@code
 * window} values, as Flink's checkpoint statistics summarize them ({@code StatsSummary}: the REST
 * API's p50 and p99 of end-to-end durations). A mean and a maximum hide what a goal on the 99th
 * percentile asks about. Quantiles are nearest-rank: {@code quantile(q)} is the smallest recorded
 * value that at least {@code q} of the values do not exceed.
 *
 * <p>Thread-safe.
 */
public final class StatsSummary {
  private final long[] values;
  private long count;

  public StatsSummary(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1: " + window);
    }
    this.values = new long[window];
  }

  public synchronized void add(long value) {
    values[(int) (count++ % values.length)] = value;
  }

  /** How many values were added (the window may hold fewer). */
  public synchronized long count() {
    return count;
  }

  /** The nearest-rank {@code q} quantile (0 < q <= 1) of the values in the window; 0 when empty. */
  public synchronized long quantile(double q) {
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
    }
    int n = (int) Math.min(count, values.length);
    if (n == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(q * n) - 1];
  }
}
