package io.eddy.examples.logistics;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import java.time.Duration;

/**
 * Passes the first copy of each order (keyed by order id) and drops the re-sent ones. What it
 * remembers of an order expires {@link #RETENTION} of event time after the order was placed:
 * the generator re-sends an order at most 9 minutes late, and no record is late for the
 * watermark, so every copy arrives before the state expires.
 */
final class DeduplicateOrders extends KeyedProcessFunction<Long, Order, Order> {
  static final Duration RETENTION = Duration.ofDays(1);
  private transient ValueState<Boolean> seen;

  @Override
  public void open(OpenContext openContext) {
    seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
  }

  @Override
  public void processElement(Order order, Context ctx, Collector<Order> out) throws Exception {
    if (seen.value() == null) {
      seen.update(true);
      ctx.timerService().registerEventTimeTimer(order.createdAt() + RETENTION.toMillis());
      out.collect(order);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Order> out) {
    seen.clear();
  }
}
