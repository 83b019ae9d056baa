package io.eddy.api.metrics;

/**
 * A metric that the runtime updates every {@link #UPDATE_INTERVAL_SECONDS} seconds on a thread of
 * its own (a {@link MeterView} computes its rate there), as Flink's {@code View}.
 */
public interface View {
  int UPDATE_INTERVAL_SECONDS = 5;

  /** Called every {@link #UPDATE_INTERVAL_SECONDS} seconds while the metric is registered. */
  void update();
}
