package io.eddy.api.metrics;

/** A value computed when read (by a reporter, on its own thread). */
@FunctionalInterface
public interface Gauge<T> extends Metric {
  T getValue();
}
