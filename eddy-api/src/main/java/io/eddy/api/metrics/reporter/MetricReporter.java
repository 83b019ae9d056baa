package io.eddy.api.metrics.reporter;

import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;

/**
 * Exports metrics to an outside system (Flink's {@code MetricReporter}). The runtime opens it
 * with its {@code metrics.reporter.<name>.*} parameters, tells it of every metric registered and
 * removed (from task threads: implementations must be thread-safe), and closes it when the job
 * ends. A reporter that polls values implements {@link Scheduled} as well.
 */
public interface MetricReporter {
  void open(MetricConfig config);

  void close();

  void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group);

  void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group);
}
