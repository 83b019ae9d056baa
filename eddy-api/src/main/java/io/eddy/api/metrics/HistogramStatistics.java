package io.eddy.api.metrics;

/** A snapshot of the values a {@link Histogram} keeps: quantiles, extremes, mean, standard deviation. */
public abstract class HistogramStatistics {
  /** The value at {@code quantile} (in [0, 1]) of the sample. */
  public abstract double getQuantile(double quantile);

  /** The sample's values. */
  public abstract long[] getValues();

  /** How many values the sample holds. */
  public abstract int size();

  public abstract double getMean();

  public abstract double getStdDev();

  public abstract long getMax();

  public abstract long getMin();
}
