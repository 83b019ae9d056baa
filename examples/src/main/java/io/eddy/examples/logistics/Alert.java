package io.eddy.examples.logistics;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** An anomaly found in an order's shipping updates, with the updates that show it. */
public record Alert(AlertKind kind, long orderId, Platform platform, String events) implements Serializable {
  /** The order of the alerts table. */
  public static final Comparator<Alert> ORDER = Comparator.comparingLong(Alert::orderId)
      .thenComparing(Alert::kind).thenComparing(Alert::events);

  public static final String CSV_HEADER = "order_id,platform,alert,events";

  public static Alert of(AlertKind kind, Order order, List<ShippingUpdate> events) {
    return new Alert(kind, order.orderId(), order.platform(),
        events.stream().map(ShippingUpdate::describe).collect(Collectors.joining(" ")));
  }

  public String toCsv() {
    return orderId + "," + platform.label() + "," + kind + "," + events;
  }

  /** Reads {@link #toCsv}'s line back. */
  public static Alert fromCsv(String line) {
    String[] f = line.split(",", 4);
    Platform platform = java.util.Arrays.stream(Platform.values()).filter(p -> p.label().equals(f[1]))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown platform in " + line));
    return new Alert(AlertKind.valueOf(f[2]), Long.parseLong(f[0]), platform, f[3]);
  }
}
