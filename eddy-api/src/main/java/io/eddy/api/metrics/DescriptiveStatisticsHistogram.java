package io.eddy.api.metrics;

/**
 * A {@link Histogram} over a sliding window of the last {@code windowSize} values (Flink's
 * {@code DescriptiveStatisticsHistogram}): the statistics describe those values, the count all
 * values ever recorded. Thread-safe: a task updates it while a reporter reads statistics.
 */
public class DescriptiveStatisticsHistogram implements Histogram {
  private final long[] window;
  private long count;

  public DescriptiveStatisticsHistogram(int windowSize) {
    if (windowSize < 1) {
      throw new IllegalArgumentException("The window of a histogram holds at least one value, got " + windowSize);
    }
    this.window = new long[windowSize];
  }

  @Override
  public synchronized void update(long value) {
    window[(int) (count % window.length)] = value;
    count++;
  }

  @Override
  public synchronized long getCount() {
    return count;
  }

  /** A snapshot of the window: later updates do not change it. */
  @Override
  public synchronized HistogramStatistics getStatistics() {
    int size = (int) Math.min(count, window.length);
    long[] values = new long[size];
    System.arraycopy(window, 0, values, 0, size);
    return new SampleStatistics(values);
  }
}
