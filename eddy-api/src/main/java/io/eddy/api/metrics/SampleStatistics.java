package io.eddy.api.metrics;

import java.util.Arrays;

/**
 * {@link HistogramStatistics} of a fixed sample. Quantiles are estimated as Flink's
 * DescriptiveStatisticsHistogram does (Apache Commons Math's default percentile): position
 * {@code q * (n + 1)} in the sorted sample, interpolated linearly between its neighbours, the
 * minimum below the first and the maximum beyond the last. The standard deviation is the
 * sample's (divided by n - 1). An empty sample has NaN mean, deviation and quantiles and 0 as
 * minimum and maximum.
 */
public final class SampleStatistics extends HistogramStatistics {
  private final long[] sorted;
  private final double mean;
  private final double stdDev;

  public SampleStatistics(long[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    this.mean = n == 0 ? Double.NaN : sum / n;
    double squares = 0;
    for (long v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    this.stdDev = n == 0 ? Double.NaN : n == 1 ? 0.0 : Math.sqrt(squares / (n - 1));
  }

  @Override
  public double getQuantile(double quantile) {
    if (quantile < 0 || quantile > 1 || Double.isNaN(quantile)) {
      throw new IllegalArgumentException("A quantile is in [0, 1], got " + quantile);
    }
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double pos = quantile * (n + 1);
    if (pos < 1) {
      return sorted[0];
    }
    if (pos >= n) {
      return sorted[n - 1];
    }
    int below = (int) Math.floor(pos);
    double lower = sorted[below - 1];
    double upper = sorted[below];
    return lower + (pos - below) * (upper - lower);
  }

  @Override
  public long[] getValues() {
    return sorted.clone();
  }

  @Override
  public int size() {
    return sorted.length;
  }

  @Override
  public double getMean() {
    return mean;
  }

  @Override
  public double getStdDev() {
    return stdDev;
  }

  @Override
  public long getMax() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  @Override
  public long getMin() {
    return sorted.length == 0 ? 0 : sorted[0];
  }
}
