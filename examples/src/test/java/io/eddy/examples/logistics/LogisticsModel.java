package io.eddy.examples.logistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The logistics job's expected tables, computed straight from each order's true route (no
 * stream, no duplicates, no disorder) by the rules the alerts and the on-time table state.
 */
final class LogisticsModel {
  private LogisticsModel() {}

  static List<Alert> alerts(LogisticsGenerator input) {
    List<Alert> alerts = new ArrayList<>();
    for (long k = 0; k < input.orders(); k++) {
      Order order = input.order(k);
      List<ShippingUpdate> route = input.route(k);
      for (int i = 0; i < route.size(); i++) {
        ShippingUpdate u = route.get(i);
        ShippingUpdate next = i + 1 < route.size() ? route.get(i + 1) : null;
        if (u.type() == UpdateType.PICKED_UP && silentFor(u, next, AnomalyDetection.SCAN_TIMEOUT.toMillis())) {
          alerts.add(Alert.of(AlertKind.NO_SCAN_AFTER_PICKUP, order, List.of(u)));
        }
        if (u.type() == UpdateType.EXCEPTION && silentFor(u, next, AnomalyDetection.EXCEPTION_TIMEOUT.toMillis())) {
          alerts.add(Alert.of(AlertKind.EXCEPTION_WITHOUT_SCAN, order, List.of(u)));
        }
        if (u.type() != UpdateType.OUT_FOR_DELIVERY && next != null && next.type() == UpdateType.DELIVERED) {
          alerts.add(Alert.of(AlertKind.DELIVERED_WITHOUT_OUT_FOR_DELIVERY, order, List.of(u, next)));
        }
        if (u.type() == UpdateType.DEPARTED_HUB) {
          for (ShippingUpdate later : route.subList(i + 1, route.size())) {
            if (later.type() == UpdateType.ARRIVED_HUB && later.hub() == u.hub()) {
              alerts.add(Alert.of(AlertKind.RETURNED_TO_HUB, order, List.of(u, later)));
              break;
            }
          }
        }
      }
    }
    alerts.sort(Alert.ORDER);
    return alerts;
  }

  /** No update within {@code millis} after {@code u}. */
  private static boolean silentFor(ShippingUpdate u, ShippingUpdate next, long millis) {
    return next == null || next.timestamp() - u.timestamp() >= millis;
  }

  static List<String> deliveryStats(LogisticsGenerator input) {
    Map<String, DeliveryStats> rows = new TreeMap<>();
    for (long k = 0; k < input.orders(); k++) {
      Order order = input.order(k);
      for (ShippingUpdate u : input.route(k)) {
        if (u.type() == UpdateType.DELIVERED) {
          DeliveryStats one = DeliveryStats.of(order, u.timestamp());
          rows.merge(one.key(), one, DeliveryStats::plus);
        }
      }
    }
    List<String> csv = new ArrayList<>(rows.values().stream().map(DeliveryStats::toCsv).toList());
    csv.sort(null);
    return csv;
  }
}
