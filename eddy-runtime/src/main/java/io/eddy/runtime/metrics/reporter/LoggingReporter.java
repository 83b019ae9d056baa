package io.eddy.runtime.metrics.reporter;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.Histogram;
import io.eddy.api.metrics.HistogramStatistics;
import io.eddy.api.metrics.Meter;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.api.metrics.reporter.Scheduled;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Writes every metric to the log at each report, in the layout of Flink's Slf4jReporter
 * (counters, gauges, meters, histograms; one line each, {@code identifier: value}), through
 * {@link System.Logger} {@code io.eddy.metrics} at INFO: Eddy's runtime has no logging
 * dependency, so the JDK's logging prints it (standard error by default). Thread-safe.
 */
public final class LoggingReporter implements MetricReporter, Scheduled {
  private static final System.Logger LOG = System.getLogger("io.eddy.metrics");
  private static final String RULE = "=========================== ";
  private static final String SECTION = "-------------------------------- ";

  private final Map<String, Metric> metrics = new ConcurrentSkipListMap<>();

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {
    metrics.clear();
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    metrics.put(group.getMetricIdentifier(metricName), metric);
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    metrics.remove(group.getMetricIdentifier(metricName), metric);
  }

  @Override
  public void report() {
    LOG.log(System.Logger.Level.INFO, render());
  }

  /** The text of one report. */
  public String render() {
    StringBuilder counters = new StringBuilder();
    StringBuilder gauges = new StringBuilder();
    StringBuilder meters = new StringBuilder();
    StringBuilder histograms = new StringBuilder();
    metrics.forEach((id, metric) -> {
      switch (metric) {
        case Counter c -> counters.append(id).append(": ").append(c.getCount()).append('\n');
        case Gauge<?> g -> gauges.append(id).append(": ").append(gaugeValue(g)).append('\n');
        case Meter m -> meters.append(id).append(": ").append(m.getRate()).append('\n');
        case Histogram h -> histograms.append(id).append(": ").append(describe(h)).append('\n');
        default -> { }
      }
    });
    return "\n" + RULE + "Starting metrics report " + RULE + "\n"
        + "\n" + SECTION + "Counters " + SECTION + "\n" + counters
        + "\n" + SECTION + "Gauges " + SECTION + "\n" + gauges
        + "\n" + SECTION + "Meters " + SECTION + "\n" + meters
        + "\n" + SECTION + "Histograms " + SECTION + "\n" + histograms
        + "\n" + RULE + "Finished metrics report " + RULE + "\n";
  }

  private static Object gaugeValue(Gauge<?> gauge) {
    try {
      return gauge.getValue();
    } catch (RuntimeException e) {
      return "(failed: " + e + ")";
    }
  }

  static String describe(Histogram h) {
    HistogramStatistics s = h.getStatistics();
    return "count=" + h.getCount() + ", min=" + s.getMin() + ", max=" + s.getMax() + ", mean=" + s.getMean()
        + ", stddev=" + s.getStdDev() + ", p50=" + s.getQuantile(0.5) + ", p75=" + s.getQuantile(0.75)
        + ", p95=" + s.getQuantile(0.95) + ", p98=" + s.getQuantile(0.98) + ", p99=" + s.getQuantile(0.99)
        + ", p999=" + s.getQuantile(0.999);
  }
}
