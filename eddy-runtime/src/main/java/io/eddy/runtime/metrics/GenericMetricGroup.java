package io.eddy.runtime.metrics;

import java.util.Map;

/** A group made by {@code addGroup}: its parent's scope plus one component. */
final class GenericMetricGroup extends AbstractMetricGroup {
  GenericMetricGroup(MetricRegistry registry, AbstractMetricGroup parent, String[] scope, String logicalScope,
      Map<String, String> variables) {
    super(registry, parent, scope, logicalScope, variables);
  }
}
