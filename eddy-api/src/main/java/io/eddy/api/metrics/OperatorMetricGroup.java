package io.eddy.api.metrics;

/** The metric group of one operator subtask, as {@code getRuntimeContext().getMetricGroup()} returns it. */
public interface OperatorMetricGroup extends MetricGroup {
  OperatorIOMetricGroup getIOMetricGroup();
}
