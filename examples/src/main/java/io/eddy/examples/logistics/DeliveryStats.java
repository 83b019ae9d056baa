package io.eddy.examples.logistics;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * A row of the on-time table: for the orders of one platform delivered within one hour of event
 * time, how many were delivered, how many within the platform's promise, and their total
 * delivery time (order to delivery). The job keeps one row per (platform, hour) and emits the
 * updated row on every delivery, so a later version of a row has a larger {@code delivered}.
 */
public record DeliveryStats(Platform platform, long hourStart, long delivered, long onTime, long totalDeliveryMillis)
    implements Serializable {
  private static final long HOUR = 3_600_000L;

  public static final String CSV_HEADER = "platform,hour,delivered,on_time,on_time_rate,avg_delivery_hours";

  /** The row of one delivery. */
  public static DeliveryStats of(Order order, long deliveredAt) {
    long took = deliveredAt - order.createdAt();
    return new DeliveryStats(order.platform(), deliveredAt - Math.floorMod(deliveredAt, HOUR), 1,
        took <= order.platform().promiseMillis() ? 1 : 0, took);
  }

  /** The key of the row: platform and hour. */
  public String key() {
    return platform.name() + "@" + hourStart;
  }

  /** This row with {@code other}'s deliveries (of the same platform and hour) added. */
  public DeliveryStats plus(DeliveryStats other) {
    return new DeliveryStats(platform, hourStart, delivered + other.delivered, onTime + other.onTime,
        totalDeliveryMillis + other.totalDeliveryMillis);
  }

  public String toCsv() {
    return String.format(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.3f", platform.label(), Instant.ofEpochMilli(hourStart),
        delivered, onTime, (double) onTime / delivered, totalDeliveryMillis / (double) HOUR / delivered);
  }
}
