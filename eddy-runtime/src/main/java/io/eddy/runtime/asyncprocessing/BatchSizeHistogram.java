package io.eddy.runtime.asyncprocessing;

import io.eddy.api.metrics.DescriptiveStatisticsHistogram;

/**
 * The distribution of the sizes of the batches a controller sent to its state executor: the
 * operator's {@code batchSize} histogram (statistics over the last 1,000 batches) plus the total
 * number of requests sent, so that reports can give the mean over the whole run. Written by the
 * task thread; readers on other threads may see a slightly stale picture.
 */
public final class BatchSizeHistogram extends DescriptiveStatisticsHistogram {
  private static final int WINDOW = 1_000;

  private volatile long sum;

  BatchSizeHistogram() {
    super(WINDOW);
  }

  @Override
  public void update(long size) {
    super.update(size);
    sum += size;
  }

  /** Requests sent in all batches. */
  public long sum() {
    return sum;
  }

  /** Mean batch size over the whole run. */
  public double mean() {
    long n = getCount();
    return n == 0 ? 0 : (double) sum / n;
  }

  @Override
  public String toString() {
    return String.format("batches=%d mean=%.1f max(last %d)=%d", getCount(), mean(), WINDOW, getStatistics().getMax());
  }
}
