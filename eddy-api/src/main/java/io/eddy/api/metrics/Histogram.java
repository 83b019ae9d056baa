package io.eddy.api.metrics;

/** Records values (latencies, sizes) and describes their distribution through {@link HistogramStatistics}. */
public interface Histogram extends Metric {
  void update(long value);

  /** How many values were recorded in all (not only those the statistics cover). */
  long getCount();

  HistogramStatistics getStatistics();
}
