package io.eddy.api.metrics;

/**
 * Marker of everything a {@link MetricGroup} can hold: {@link Counter}, {@link Gauge},
 * {@link Histogram}, {@link Meter} (Flink's {@code org.apache.flink.metrics.Metric}).
 */
public interface Metric {}
