package io.eddy.conformance;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.api.metrics.reporter.MetricReporterFactory;
import io.eddy.api.metrics.reporter.Scheduled;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reporter that remembers what the runtime told it, for tests: every metric added (by
 * identifier), every identifier removed, the counts of its last report, and whether it was
 * closed. Static, because the runtime builds it from its class name; {@link #reset} before a job.
 */
public final class RecordingReporter implements MetricReporter, Scheduled {
  static final Map<String, Metric> ADDED = new ConcurrentHashMap<>();
  static final Map<String, Map<String, String>> VARIABLES = new ConcurrentHashMap<>();
  static final Map<String, Metric> REMOVED = new ConcurrentHashMap<>();
  static final Map<String, Long> LAST_REPORTED_COUNTS = new ConcurrentHashMap<>();
  static final Map<String, String> CONFIG = new ConcurrentHashMap<>();
  static volatile boolean closed;

  static void reset() {
    ADDED.clear();
    VARIABLES.clear();
    REMOVED.clear();
    LAST_REPORTED_COUNTS.clear();
    CONFIG.clear();
    closed = false;
  }

  /** Named by {@code metrics.reporter.<name>.factory.class}. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new RecordingReporter();
    }
  }

  @Override
  public void open(MetricConfig config) {
    config.forEach((k, v) -> CONFIG.put((String) k, (String) v));
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    ADDED.put(group.getMetricIdentifier(metricName), metric);
    VARIABLES.put(group.getMetricIdentifier(metricName), group.getAllVariables());
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    REMOVED.put(group.getMetricIdentifier(metricName), metric);
  }

  @Override
  public void report() {
    ADDED.forEach((id, metric) -> {
      if (metric instanceof Counter c && REMOVED.get(id) != metric) {
        LAST_REPORTED_COUNTS.put(id, c.getCount());
      }
    });
  }
}
