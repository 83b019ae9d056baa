package io.eddy.examples.logistics;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessFunction;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits the logistics feed into its streams, as a job reading one topic per feed would get
 * them: shipping updates on the main output, the orders of each platform on that platform's
 * side output ({@link #orders}).
 */
final class SplitFeed extends ProcessFunction<LogisticsEvent, ShippingUpdate> {
  private static final Map<Platform, OutputTag<Order>> ORDERS = new EnumMap<>(Platform.class);

  static {
    for (Platform p : Platform.values()) {
      ORDERS.put(p, new OutputTag<>(p.label() + " orders"));
    }
  }

  /** The side output of {@code platform}'s orders. */
  static OutputTag<Order> orders(Platform platform) {
    return ORDERS.get(platform);
  }

  @Override
  public void processElement(LogisticsEvent event, Context ctx, Collector<ShippingUpdate> out) {
    switch (event) {
      case Order order -> ctx.output(ORDERS.get(order.platform()), order);
      case ShippingUpdate update -> out.collect(update);
    }
  }
}
