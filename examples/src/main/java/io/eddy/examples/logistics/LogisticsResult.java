package io.eddy.examples.logistics;

import java.util.List;

/**
 * What a run of the logistics job produced: the alerts table (sorted by order, then kind) and
 * the on-time table as CSV rows (sorted), the records its sources sent, and how it ran: its
 * checkpoints' largest full state size and the most one of them wrote (less when the backend
 * checkpoints incrementally).
 */
public record LogisticsResult(List<Alert> alerts, List<String> deliveryStats, long records, double seconds,
    long restarts, long restoresFromCheckpoint, long checkpoints, long largestCheckpointBytes,
    long largestCheckpointedBytes) {
  public LogisticsResult {
    alerts = List.copyOf(alerts);
    deliveryStats = List.copyOf(deliveryStats);
  }

  public double recordsPerSecond() {
    return seconds > 0 ? records / seconds : 0;
  }
}
