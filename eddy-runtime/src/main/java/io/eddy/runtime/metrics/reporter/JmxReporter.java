package io.eddy.runtime.metrics.reporter;

import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.runtime.metrics.AbstractMetricGroup;
import java.lang.management.ManagementFactory;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers every metric as an MBean on the platform MBean server (jconsole, VisualVM, JMX
 * exporters), named as Flink's JMXReporter names them: the domain is {@code io.eddy.} plus the
 * group's logical scope and the metric name (e.g.
 * {@code io.eddy.taskmanager.job.task.operator.numRecordsIn}), the key properties are the
 * scope variables without brackets ({@code job_name}, {@code operator_name},
 * {@code subtask_index}, ...). A name already registered (two jobs of one name in one JVM)
 * is skipped with a warning. Thread-safe.
 */
public final class JmxReporter implements MetricReporter {
  static final String DOMAIN_PREFIX = "io.eddy.";

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Map<ObjectName, Metric> registered = new ConcurrentHashMap<>();

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {
    registered.keySet().forEach(this::unregister);
  }

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    try {
      ObjectName name = objectName(metricName, group);
      server.registerMBean(new JmxMetricBean(metric), name);
      registered.put(name, metric);
    } catch (JMException | RuntimeException e) {
      System.err.println("eddy: metrics: JMX cannot register " + group.getMetricIdentifier(metricName) + ": " + e);
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    try {
      ObjectName name = objectName(metricName, group);
      if (registered.get(name) == metric) {
        unregister(name);
      }
    } catch (JMException e) {
      // it could not have been registered either
    }
  }

  private void unregister(ObjectName name) {
    if (registered.remove(name) != null) {
      try {
        server.unregisterMBean(name);
      } catch (JMException e) {
        // already gone
      }
    }
  }

  /** The MBean name of metric {@code metricName} of {@code group}. */
  static ObjectName objectName(String metricName, MetricGroup group) throws JMException {
    String logical = group instanceof AbstractMetricGroup g ? g.getLogicalScope() : "user";
    Hashtable<String, String> properties = new Hashtable<>();
    group.getAllVariables().forEach((key, value) ->
        properties.put(key.replaceAll("[<>]", ""), ObjectName.quote(value)));
    if (properties.isEmpty()) {
      properties.put("name", ObjectName.quote(metricName));
    }
    return new ObjectName(domainSafe(DOMAIN_PREFIX + logical + "." + metricName), properties);
  }

  /** A domain may not hold ':', '*', '?', '=' or ','. */
  private static String domainSafe(String domain) {
    return domain.replaceAll("[:*?=,\"\\n]", "_");
  }
}
