package io.eddy.examples.logistics;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins shipping updates with their order (both keyed by order id) and drops re-sent updates
 * (same seq). An update whose order is known goes out at once, with its own timestamp. One
 * that comes before its order waits in state until the watermark reaches its timestamp: the
 * order, placed earlier and never late, has arrived by then, and the update goes out with its
 * own timestamp (the timer's), so the anomaly patterns see every update at its event time.
 *
 * <p>State expires by event time: {@link #RETENTION} after the latest update of the order
 * (after the delivery, for a delivered parcel), the order, its pending updates and the seqs
 * seen are dropped. No update of an order is sent that late, so nothing is lost.
 */
final class TrackShipments extends KeyedCoProcessFunction<Long, Order, ShippingUpdate, TrackedUpdate> {
  static final Duration RETENTION = Duration.ofDays(2);
  private transient ValueState<Order> order;
  private transient ListState<ShippingUpdate> pending;
  /** Bit i set when the update with seq i was seen (routes have fewer than 32 updates). */
  private transient ValueState<Integer> seenSeqs;
  private transient ValueState<Long> expiry;

  @Override
  public void open(OpenContext openContext) {
    order = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Order.class));
    pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", ShippingUpdate.class));
    seenSeqs = getRuntimeContext().getState(new ValueStateDescriptor<>("seen-seqs", Integer.class));
    expiry = getRuntimeContext().getState(new ValueStateDescriptor<>("expiry", Long.class));
  }

  @Override
  public void processElement1(Order value, Context ctx, Collector<TrackedUpdate> out) throws Exception {
    order.update(value);
    extendExpiry(value.createdAt(), ctx);
  }

  @Override
  public void processElement2(ShippingUpdate update, Context ctx, Collector<TrackedUpdate> out) throws Exception {
    Integer seen = seenSeqs.value();
    int bits = seen == null ? 0 : seen;
    if ((bits & (1 << update.seq())) != 0) {
      return;
    }
    seenSeqs.update(bits | (1 << update.seq()));
    extendExpiry(update.timestamp(), ctx);
    Order known = order.value();
    if (known != null) {
      out.collect(new TrackedUpdate(known, update));
    } else {
      pending.add(update);
      ctx.timerService().registerEventTimeTimer(update.timestamp());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TrackedUpdate> out) throws Exception {
    Order known = order.value();
    List<ShippingUpdate> waiting = new ArrayList<>();
    for (ShippingUpdate u : pending.get()) {
      if (known != null && u.timestamp() == timestamp) {
        out.collect(new TrackedUpdate(known, u));
      } else {
        waiting.add(u);
      }
    }
    if (waiting.isEmpty()) {
      pending.clear();
    } else {
      pending.update(waiting);
    }
    Long expiresAt = expiry.value();
    if (expiresAt != null && expiresAt == timestamp) {
      order.clear();
      pending.clear();
      seenSeqs.clear();
      expiry.clear();
    }
  }

  private void extendExpiry(long time, Context ctx) throws Exception {
    Long current = expiry.value();
    long next = time + RETENTION.toMillis();
    if (current == null || next > current) { // the earlier expiry timer fires and finds it moved
      expiry.update(next);
      ctx.timerService().registerEventTimeTimer(next);
    }
  }
}
