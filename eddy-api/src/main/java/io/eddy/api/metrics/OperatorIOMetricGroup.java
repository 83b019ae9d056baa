package io.eddy.api.metrics;

/** The counters the runtime keeps for an operator's records (what {@code numRecordsIn}/{@code numRecordsOut} report). */
public interface OperatorIOMetricGroup extends MetricGroup {
  Counter getNumRecordsInCounter();

  Counter getNumRecordsOutCounter();
}
