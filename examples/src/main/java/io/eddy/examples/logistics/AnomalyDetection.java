package io.eddy.examples.logistics;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.Collector;
import io.eddy.cep.CEP;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.functions.TimedOutPartialMatchHandler;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four anomaly patterns of the logistics job, each a CEP pattern over one order's tracked
 * updates in event-time order. Two alert on a match (a delivery straight after a scan other
 * than out-for-delivery; an arrival at a hub the parcel had departed from), two on a partial
 * match that times out (a pickup, an exception, with no scan after it within 12 hours).
 */
public final class AnomalyDetection {
  public static final Duration SCAN_TIMEOUT = Duration.ofHours(12);
  public static final Duration EXCEPTION_TIMEOUT = Duration.ofHours(12);
  /** How long a departure waits for a return to its hub (longer than any route's detour). */
  public static final Duration RETURN_WINDOW = Duration.ofDays(3);
  /** Bounds how long the last update of an order waits for a delivery after it. */
  public static final Duration DELIVERY_WINDOW = Duration.ofDays(1);

  private static final OutputTag<Alert> TIMED_OUT = new OutputTag<>("timed-out alerts");

  private AnomalyDetection() {}

  /** Every alert of every order. */
  public static DataStream<Alert> alerts(KeyedStream<TrackedUpdate, Long> byOrder) {
    Pattern<TrackedUpdate, ?> noScan = Pattern.<TrackedUpdate>begin("pickup").where(is(UpdateType.PICKED_UP))
        .next("scan").where(SimpleCondition.of(u -> true))
        .within(SCAN_TIMEOUT);
    Pattern<TrackedUpdate, ?> noOutForDelivery = Pattern.<TrackedUpdate>begin("previous")
        .where(SimpleCondition.of(u -> u.type() != UpdateType.OUT_FOR_DELIVERY))
        .next("delivered").where(is(UpdateType.DELIVERED))
        .within(DELIVERY_WINDOW);
    Pattern<TrackedUpdate, ?> returned = Pattern.<TrackedUpdate>begin("departed").where(is(UpdateType.DEPARTED_HUB))
        .followedBy("returned").where(new BackAtDepartedHub())
        .within(RETURN_WINDOW);
    Pattern<TrackedUpdate, ?> stuck = Pattern.<TrackedUpdate>begin("exception").where(is(UpdateType.EXCEPTION))
        .followedBy("scan").where(SimpleCondition.of(u -> true))
        .within(EXCEPTION_TIMEOUT);

    SingleOutputStreamOperator<Alert> noScanAlerts = CEP.pattern(byOrder, noScan)
        .process(new ToAlert(AlertKind.NO_SCAN_AFTER_PICKUP, true)).name("cep: no scan after pickup")
        .uid("cep-no-scan-after-pickup");
    SingleOutputStreamOperator<Alert> stuckAlerts = CEP.pattern(byOrder, stuck)
        .process(new ToAlert(AlertKind.EXCEPTION_WITHOUT_SCAN, true)).name("cep: exception without scan")
        .uid("cep-exception-without-scan");
    DataStream<Alert> noOutForDeliveryAlerts = CEP.pattern(byOrder, noOutForDelivery)
        .process(new ToAlert(AlertKind.DELIVERED_WITHOUT_OUT_FOR_DELIVERY, false))
        .name("cep: delivered without out-for-delivery").uid("cep-delivered-without-out-for-delivery");
    DataStream<Alert> returnedAlerts = CEP.pattern(byOrder, returned)
        .process(new ToAlert(AlertKind.RETURNED_TO_HUB, false)).name("cep: returned to hub")
        .uid("cep-returned-to-hub");
    return noScanAlerts.getSideOutput(TIMED_OUT).union(stuckAlerts.getSideOutput(TIMED_OUT),
        noOutForDeliveryAlerts, returnedAlerts);
  }

  private static SimpleCondition<TrackedUpdate> is(UpdateType type) {
    return SimpleCondition.of(u -> u.type() == type);
  }

  /** An arrival at the hub the partial match departed from (reads the events matched so far). */
  private static final class BackAtDepartedHub extends IterativeCondition<TrackedUpdate> {
    @Override
    public boolean filter(TrackedUpdate value, Context<TrackedUpdate> ctx) throws Exception {
      if (value.type() != UpdateType.ARRIVED_HUB) {
        return false;
      }
      for (TrackedUpdate departed : ctx.getEventsForPattern("departed")) {
        if (departed.update().hub() == value.update().hub()) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Makes an alert of {@code kind} from each match, or (when {@code onTimeout}) from each partial
   * match that timed out, sent to the side output {@link #TIMED_OUT}.
   */
  private static final class ToAlert extends PatternProcessFunction<TrackedUpdate, Alert>
      implements TimedOutPartialMatchHandler<TrackedUpdate> {
    private final AlertKind kind;
    private final boolean onTimeout;

    ToAlert(AlertKind kind, boolean onTimeout) {
      this.kind = kind;
      this.onTimeout = onTimeout;
    }

    @Override
    public void processMatch(Map<String, List<TrackedUpdate>> match, Context ctx, Collector<Alert> out) {
      if (!onTimeout) {
        out.collect(alert(match));
      }
    }

    @Override
    public void processTimedOutMatch(Map<String, List<TrackedUpdate>> match, Context ctx) {
      if (onTimeout) {
        ctx.output(TIMED_OUT, alert(match));
      }
    }

    private Alert alert(Map<String, List<TrackedUpdate>> match) {
      List<ShippingUpdate> events = new ArrayList<>();
      Order order = null;
      for (List<TrackedUpdate> step : match.values()) {
        for (TrackedUpdate u : step) {
          order = u.order();
          events.add(u.update());
        }
      }
      events.sort(java.util.Comparator.comparingLong(ShippingUpdate::timestamp));
      return Alert.of(kind, order, events);
    }
  }
}
