package io.eddy.runtime.metrics.reporter;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.Histogram;
import io.eddy.api.metrics.HistogramStatistics;
import io.eddy.api.metrics.Meter;
import io.eddy.api.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;

/**
 * One metric as a read-only MBean, with the attributes of Flink's JMX beans: {@code Count}
 * (counter), {@code Value} (gauge, as text unless a number), {@code Rate} and {@code Count}
 * (meter), and {@code Count}, {@code Min}, {@code Max}, {@code Mean}, {@code StdDev},
 * {@code Median} and the {@code 75th}...{@code 999thPercentile} (histogram).
 */
final class JmxMetricBean implements DynamicMBean {
  private final Map<String, Supplier<Object>> attributes = new LinkedHashMap<>();
  private final String kind;

  JmxMetricBean(Metric metric) {
    switch (metric) {
      case Counter c -> {
        kind = "Counter";
        attributes.put("Count", c::getCount);
      }
      case Gauge<?> g -> {
        kind = "Gauge";
        attributes.put("Value", () -> {
          Object v = g.getValue();
          return v instanceof Number || v == null ? v : String.valueOf(v);
        });
      }
      case Meter m -> {
        kind = "Meter";
        attributes.put("Rate", m::getRate);
        attributes.put("Count", m::getCount);
      }
      case Histogram h -> {
        kind = "Histogram";
        attributes.put("Count", h::getCount);
        attributes.put("Min", () -> h.getStatistics().getMin());
        attributes.put("Max", () -> h.getStatistics().getMax());
        attributes.put("Mean", () -> h.getStatistics().getMean());
        attributes.put("StdDev", () -> h.getStatistics().getStdDev());
        attributes.put("Median", () -> quantile(h, 0.5));
        attributes.put("75thPercentile", () -> quantile(h, 0.75));
        attributes.put("95thPercentile", () -> quantile(h, 0.95));
        attributes.put("98thPercentile", () -> quantile(h, 0.98));
        attributes.put("99thPercentile", () -> quantile(h, 0.99));
        attributes.put("999thPercentile", () -> quantile(h, 0.999));
      }
      default -> throw new IllegalArgumentException("Not a metric JMX knows: " + metric.getClass().getName());
    }
  }

  private static double quantile(Histogram h, double q) {
    HistogramStatistics s = h.getStatistics();
    return s.getQuantile(q);
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException {
    Supplier<Object> getter = attributes.get(attribute);
    if (getter == null) {
      throw new AttributeNotFoundException(attribute);
    }
    return getter.get();
  }

  @Override
  public void setAttribute(Attribute attribute) {
    throw new UnsupportedOperationException("Metrics are read-only");
  }

  @Override
  public AttributeList getAttributes(String[] names) {
    AttributeList list = new AttributeList();
    for (String name : names) {
      Supplier<Object> getter = attributes.get(name);
      if (getter != null) {
        list.add(new Attribute(name, getter.get()));
      }
    }
    return list;
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList();
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature) {
    throw new UnsupportedOperationException("Metrics have no operations");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanAttributeInfo[] infos = attributes.keySet().stream()
        .map(name -> new MBeanAttributeInfo(name, "java.lang.Object", name, true, false, false))
        .toArray(MBeanAttributeInfo[]::new);
    return new MBeanInfo(JmxMetricBean.class.getName(), "Eddy " + kind, infos, null, null, null);
  }
}
