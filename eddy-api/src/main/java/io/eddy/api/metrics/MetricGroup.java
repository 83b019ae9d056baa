package io.eddy.api.metrics;

import java.util.Map;

/**
 * Where metrics are registered, named by a scope (Flink's {@code MetricGroup}). An operator's
 * group, from {@code getRuntimeContext().getMetricGroup()}, has the scope
 * {@code <host>.taskmanager.<tm_id>.<job_name>.<operator_name>.<subtask_index>} unless
 * {@code metrics.scope.operator} says otherwise; {@link #addGroup} nests named groups under it.
 *
 * <p>Registering a name that the group already holds (as a metric or a sub-group) keeps the
 * first: the new metric is returned but not reported, and a warning is printed, as in Flink.
 * Metrics of a task's groups live as long as the task's attempt: after a restart the new
 * attempt registers fresh ones, starting from zero.
 */
public interface MetricGroup {
  /** Registers and returns a new {@link SimpleCounter}. */
  Counter counter(String name);

  <C extends Counter> C counter(String name, C counter);

  <T, G extends Gauge<T>> G gauge(String name, G gauge);

  <H extends Histogram> H histogram(String name, H histogram);

  <M extends Meter> M meter(String name, M meter);

  /** A sub-group named {@code name} (the same one on every call). */
  MetricGroup addGroup(String name);

  /**
   * A sub-group {@code key} with a sub-group {@code value} in it: both appear in the scope, and
   * the variable {@code <key>} is {@code value} (reporters with labels, such as JMX, use it).
   */
  MetricGroup addGroup(String key, String value);

  /** The scope's components, outermost first. */
  String[] getScopeComponents();

  /** The variables of this group and its parents, keyed like {@code <job_name>}. */
  Map<String, String> getAllVariables();

  /** The scope and the name joined by dots, e.g. {@code localhost.taskmanager.local.job.Map.0.myCounter}. */
  String getMetricIdentifier(String metricName);

  /** As {@link #getMetricIdentifier(String)}, each component and the name passed through {@code filter}. */
  String getMetricIdentifier(String metricName, CharacterFilter filter);
}
