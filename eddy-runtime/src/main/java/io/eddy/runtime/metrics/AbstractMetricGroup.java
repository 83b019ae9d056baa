package io.eddy.runtime.metrics;

import io.eddy.api.metrics.CharacterFilter;
import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.Histogram;
import io.eddy.api.metrics.Meter;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.SimpleCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric group with a scope and variables: registers its metrics with the {@link MetricRegistry}
 * (which tells the reporters), keeps its sub-groups, and unregisters everything when closed.
 * Thread-safe (tasks register, reporters read).
 *
 * <p>A name already used in the group, by a metric or a sub-group, is refused with a warning and
 * the new metric is returned unregistered, as in Flink. A closed group registers nothing.
 */
public abstract class AbstractMetricGroup implements MetricGroup {
  protected final MetricRegistry registry;
  private final String[] scope;
  private final String logicalScope;
  private final Map<String, String> variables;
  private final Map<String, Metric> metrics = new LinkedHashMap<>();
  private final Map<String, AbstractMetricGroup> groups = new LinkedHashMap<>();
  private boolean closed;

  /**
   * @param logicalScope the scope with the kinds of component instead of their values, such as
   *     {@code taskmanager.job.task.operator} (reporters that label by variables use it, e.g. JMX)
   * @param variables this group's own variables; its parent's are added
   */
  protected AbstractMetricGroup(MetricRegistry registry, AbstractMetricGroup parent, String[] scope,
      String logicalScope, Map<String, String> variables) {
    this.registry = registry;
    this.scope = scope.clone();
    this.logicalScope = logicalScope;
    Map<String, String> all = new LinkedHashMap<>();
    if (parent != null) {
      all.putAll(parent.variables);
    }
    all.putAll(variables);
    this.variables = Collections.unmodifiableMap(all);
  }

  @Override
  public Counter counter(String name) {
    return counter(name, new SimpleCounter());
  }

  @Override
  public <C extends Counter> C counter(String name, C counter) {
    add(name, counter);
    return counter;
  }

  @Override
  public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
    add(name, gauge);
    return gauge;
  }

  @Override
  public <H extends Histogram> H histogram(String name, H histogram) {
    add(name, histogram);
    return histogram;
  }

  @Override
  public <M extends Meter> M meter(String name, M meter) {
    add(name, meter);
    return meter;
  }

  @Override
  public MetricGroup addGroup(String name) {
    return subGroup(name, logicalScope + "." + name, Map.of());
  }

  @Override
  public MetricGroup addGroup(String key, String value) {
    return ((AbstractMetricGroup) addGroup(key)).subGroup(value, logicalScope + "." + key, Map.of("<" + key + ">", value));
  }

  private synchronized MetricGroup subGroup(String name, String childLogicalScope, Map<String, String> newVariables) {
    AbstractMetricGroup existing = groups.get(name);
    if (existing != null) {
      return existing;
    }
    String[] childScope = java.util.Arrays.copyOf(scope, scope.length + 1);
    childScope[scope.length] = name;
    GenericMetricGroup child = new GenericMetricGroup(registry, this, childScope, childLogicalScope, newVariables);
    if (metrics.containsKey(name)) {
      MetricRegistry.warn("Name collision: " + getMetricIdentifier(name) + " is a metric; the metrics of a group "
          + "of that name will not be reported");
      child.close();
      return child;
    }
    if (closed) {
      child.close();
    }
    groups.put(name, child);
    return child;
  }

  private synchronized void add(String name, Metric metric) {
    if (closed) {
      return;
    }
    if (metrics.containsKey(name) || groups.containsKey(name)) {
      MetricRegistry.warn("Name collision: the group " + String.join(".", scope) + " already contains '" + name
          + "'; the new metric will not be reported");
      return;
    }
    metrics.put(name, metric);
    registry.register(metric, name, this);
  }

  @Override
  public String[] getScopeComponents() {
    return scope.clone();
  }

  /** See the constructor. */
  public String getLogicalScope() {
    return logicalScope;
  }

  @Override
  public Map<String, String> getAllVariables() {
    return variables;
  }

  @Override
  public String getMetricIdentifier(String metricName) {
    return getMetricIdentifier(metricName, CharacterFilter.NO_OP);
  }

  @Override
  public String getMetricIdentifier(String metricName, CharacterFilter filter) {
    StringBuilder id = new StringBuilder();
    for (String component : scope) {
      id.append(filter.filterCharacters(component)).append('.');
    }
    return id.append(filter.filterCharacters(metricName)).toString();
  }

  /** Unregisters this group's metrics and those of its sub-groups. */
  public void close() {
    List<AbstractMetricGroup> children;
    Map<String, Metric> registered;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      children = new ArrayList<>(groups.values());
      registered = new LinkedHashMap<>(metrics);
    }
    registered.forEach((name, metric) -> registry.unregister(metric, name, this));
    children.forEach(AbstractMetricGroup::close);
  }

  /**
   * Adds the count of every counter in this group and its sub-groups to {@code totals}, keyed by
   * {@code prefix} and the names of the sub-groups and the counter, joined by dots.
   */
  synchronized void addCounts(String prefix, Map<String, Long> totals) {
    metrics.forEach((name, metric) -> {
      if (metric instanceof Counter c) {
        totals.merge(prefix + name, c.getCount(), Long::sum);
      }
    });
    groups.forEach((name, group) -> group.addCounts(prefix + name + ".", totals));
  }
}
