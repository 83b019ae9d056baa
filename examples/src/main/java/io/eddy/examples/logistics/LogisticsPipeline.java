package io.eddy.examples.logistics;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import java.util.function.UnaryOperator;

/**
 * The logistics tracking job of the seed's showcase (Cainiao), as a DataStream job:
 *
 * <pre>
 *               ┌ TMall orders ─────┐
 *               ├ Taobao orders ────┼ union ─ keyBy(order) ─ DeduplicateOrders ─┐
 *  feed ─ split ┼ AliExpress orders ┘                                           │
 *               └ shipping updates ─────────────────────────────────────────────┴ connect ─ keyBy(order) ─ TrackShipments ─┐
 *    ┌──────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 *    ├ keyBy(order) ─ 4 CEP patterns ─ alerts
 *    └ deliveries ─ keyBy(platform, hour) ─ reduce ─ on-time table
 * </pre>
 *
 * The feed (one source, so that all of the input ends at once and checkpoints go on to the end)
 * is event time with {@link LogisticsGenerator#MAX_DISORDER} of bounded out-of-orderness, so no
 * record is late and the results do not depend on how records interleave after the shuffles,
 * the backend, the parallelism or restarts.
 */
public final class LogisticsPipeline {
  /** The job's two result streams. */
  public record Results(DataStream<Alert> alerts, DataStream<DeliveryStats> deliveryStats) {}

  private LogisticsPipeline() {}

  /**
   * Adds the job to {@code env}: the feed paced to {@code rate} records per second (0: as fast
   * as possible), the pipeline, and its two results (for the caller to sink).
   */
  public static Results build(StreamEnvironment env, LogisticsGenerator input, double rate) {
    return build(env, input, rate, UnaryOperator.identity());
  }

  /** {@link #build}, with {@code tap} applied to the feed as it leaves the source. */
  static Results build(StreamEnvironment env, LogisticsGenerator input, double rate,
      UnaryOperator<DataStream<LogisticsEvent>> tap) {
    DataGenSource<LogisticsEvent> generator = DataGenSource.of(input.records(), input::record);
    DataStream<LogisticsEvent> feed = tap.apply(env.fromSource(rate > 0 ? generator.withRate(rate) : generator,
        WatermarkStrategy.<LogisticsEvent>forBoundedOutOfOrderness(LogisticsGenerator.MAX_DISORDER)
            .withTimestampAssigner((e, ts) -> e.eventTime()),
        "orders and shipping updates").uid("logistics-feed"));
    SingleOutputStreamOperator<ShippingUpdate> updates = feed.process(new SplitFeed()).name("split feed")
        .uid("split-feed");
    DataStream<Order> orders = updates.getSideOutput(SplitFeed.orders(Platform.TMALL)).union(
        updates.getSideOutput(SplitFeed.orders(Platform.TAOBAO)),
        updates.getSideOutput(SplitFeed.orders(Platform.ALIEXPRESS)));

    DataStream<Order> uniqueOrders = orders.keyBy(Order::orderId).process(new DeduplicateOrders())
        .name("deduplicate orders").uid("deduplicate-orders");
    DataStream<TrackedUpdate> tracked = uniqueOrders.connect(updates)
        .keyBy(Order::orderId, ShippingUpdate::orderId)
        .process(new TrackShipments()).name("join updates with orders").uid("track-shipments");

    DataStream<Alert> alerts = AnomalyDetection.alerts(tracked.keyBy(TrackedUpdate::orderId));
    DataStream<DeliveryStats> stats = tracked
        .filter(t -> t.type() == UpdateType.DELIVERED).name("deliveries")
        .map(t -> DeliveryStats.of(t.order(), t.update().timestamp())).name("delivery time")
        .keyBy(DeliveryStats::key)
        .reduce(DeliveryStats::plus).name("on-time rate per platform and hour").uid("delivery-stats");
    return new Results(alerts, stats);
  }
}
