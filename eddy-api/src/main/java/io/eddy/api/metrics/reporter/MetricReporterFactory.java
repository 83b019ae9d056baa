package io.eddy.api.metrics.reporter;

import java.util.Properties;

/**
 * Creates a reporter; named by {@code metrics.reporter.<name>.factory.class} and built with its
 * public no-argument constructor. The properties are the reporter's {@code metrics.reporter.<name>.*}
 * keys without that prefix.
 */
public interface MetricReporterFactory {
  MetricReporter createMetricReporter(Properties properties);
}
