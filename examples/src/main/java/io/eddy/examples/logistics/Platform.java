package io.eddy.examples.logistics;

import java.time.Duration;

/**
 * The three order platforms of the logistics example, each with the delivery time it promises
 * its buyers (an order delivered within it is on time) and how long its parcels take between
 * scans at most (international AliExpress parcels travel slower).
 */
public enum Platform {
  TMALL("TMall", Duration.ofHours(30), 300),
  TAOBAO("Taobao", Duration.ofHours(40), 480),
  ALIEXPRESS("AliExpress", Duration.ofHours(50), 600);

  private final String label;
  private final long promiseMillis;
  private final int maxScanGapMinutes;

  Platform(String label, Duration promise, int maxScanGapMinutes) {
    this.label = label;
    this.promiseMillis = promise.toMillis();
    this.maxScanGapMinutes = maxScanGapMinutes;
  }

  /** The name shown in alerts and tables. */
  public String label() {
    return label;
  }

  /** Longest delivery time (from order to delivery) that counts as on time. */
  public long promiseMillis() {
    return promiseMillis;
  }

  /** Longest normal wait between two scans of a parcel of this platform (always under 10 hours). */
  public int maxScanGapMinutes() {
    return maxScanGapMinutes;
  }
}
