package io.eddy.runtime.metrics.reporter;

import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.api.metrics.reporter.MetricReporterFactory;
import java.util.Properties;

/** {@code metrics.reporter.<name>.factory.class: io.eddy.runtime.metrics.reporter.LoggingReporterFactory}. */
public final class LoggingReporterFactory implements MetricReporterFactory {
  @Override
  public MetricReporter createMetricReporter(Properties properties) {
    return new LoggingReporter();
  }
}
