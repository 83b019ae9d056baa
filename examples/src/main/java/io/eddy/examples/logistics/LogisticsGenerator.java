package io.eddy.examples.logistics;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic input of the logistics job, a pure function of (seed, number of orders).
 *
 * <p>Order k is placed on platform {@code k % 3} at {@code START + k * 90 s}. Its parcel's
 * {@link #route} (pickup, two to four hubs arrived at and departed from, out for delivery,
 * delivered) has a few anomalies drawn at random: a pickup with no scan for 13 to 20 hours, a
 * delivery without out-for-delivery, a return to a hub already left, and an exception followed
 * by a scan after 1 to 6 hours, after 13 to 30 hours, or never (the parcel is lost). Every normal
 * wait is under 10 hours and every route lasts less than a week, so no anomaly sits on a
 * threshold.
 *
 * <p>The {@link #record}s come as from one feed merging the platforms' order feeds and the
 * carriers' scans: at least once and out of order. Per order there is a block of records with
 * the order, a re-sent copy of one of the six orders before it (so an order comes one to
 * several times, up to 9 minutes late), and {@value #SLOTS} updates: the route, in shuffled
 * order half of the time, then re-sent copies of random updates of it; the order sits at a
 * random place in its block, often after some of its updates. No record is more than
 * {@link #MAX_DISORDER} older than one sent before it. Immutable and thread-safe.
 */
public final class LogisticsGenerator implements Serializable {
  public static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  public static final long ORDER_GAP_MILLIS = 90_000;
  /** Updates sent per order: every route has at most 14 events, the rest are re-sent copies. */
  public static final int SLOTS = 16;
  /** Bound on how much older than the records before it a record can be (routes last less than 7 days). */
  public static final Duration MAX_DISORDER = Duration.ofDays(8);
  static final int HUBS = 24;
  private static final int RECORDS_PER_ORDER = SLOTS + 2;
  private static final int PLATFORMS = Platform.values().length;
  private static final int MAX_LATE_COPY = 6;

  private final long seed;
  private final long orders;

  public LogisticsGenerator(long seed, long orders) {
    if (orders < 0) {
      throw new IllegalArgumentException("number of orders must not be negative, got " + orders);
    }
    this.seed = seed;
    this.orders = orders;
  }

  public long orders() {
    return orders;
  }

  /** Order {@code k} as placed. */
  public Order order(long k) {
    return new Order(k, Platform.values()[(int) (k % PLATFORMS)], START + k * ORDER_GAP_MILLIS);
  }

  /** How many records the generator sends: {@value #SLOTS} + 2 per order. */
  public long records() {
    return orders * RECORDS_PER_ORDER;
  }

  /**
   * Record {@code i}: in the block of order k = i / (SLOTS + 2), the order itself and a re-sent
   * copy of one of the six orders before it at two random places, its updates in the others.
   */
  public LogisticsEvent record(long i) {
    long k = i / RECORDS_PER_ORDER;
    int j = (int) (i % RECORDS_PER_ORDER);
    SplittableRandom r = random(k, 1);
    int orderAt = r.nextInt(RECORDS_PER_ORDER);
    int copyAt = (orderAt + 1 + r.nextInt(RECORDS_PER_ORDER - 1)) % RECORDS_PER_ORDER;
    if (j == orderAt) {
      return order(k);
    }
    if (j == copyAt) {
      return order(k - Math.min(k, r.nextInt(MAX_LATE_COPY + 1)));
    }
    return update(k, j - (j > orderAt ? 1 : 0) - (j > copyAt ? 1 : 0));
  }

  /** Update slot {@code slot} of order k: its route, shuffled half of the time, then re-sent copies. */
  private ShippingUpdate update(long k, int slot) {
    List<ShippingUpdate> route = route(k);
    SplittableRandom r = random(k, 2);
    int[] order = new int[route.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    if (r.nextBoolean()) {
      for (int j = order.length - 1; j > 0; j--) {
        int swap = r.nextInt(j + 1);
        int t = order[j];
        order[j] = order[swap];
        order[swap] = t;
      }
    }
    return slot < order.length ? route.get(order[slot]) : route.get(random(k, 3 + slot).nextInt(route.size()));
  }

  /** The true route of order {@code k}'s parcel, in time order, each update once. */
  public List<ShippingUpdate> route(long k) {
    Order order = order(k);
    SplittableRandom r = random(k, 0);
    int maxGap = order.platform().maxScanGapMinutes();
    boolean lostScan = r.nextInt(100) < 3;
    boolean loop = r.nextInt(100) < 3;
    boolean skipOutForDelivery = r.nextInt(100) < 3;
    int hubs = 2 + r.nextInt(3);
    int exceptionAt = r.nextInt(100) < 4 ? r.nextInt(hubs) : -1;
    int exceptionOutcome = r.nextInt(3); // 0: scanned within 1..6 h, 1: scanned after 13..30 h, 2: lost
    int[] hubIds = r.ints(0, HUBS).distinct().limit(hubs).toArray();

    Route route = new Route(k, order.createdAt());
    route.add(UpdateType.PICKED_UP, -1, minutes(r, 60, 360));
    for (int h = 0; h < hubs; h++) {
      long gap = h == 0 && lostScan ? minutes(r, 13 * 60, 20 * 60) : minutes(r, 60, maxGap);
      route.add(UpdateType.ARRIVED_HUB, hubIds[h], gap);
      if (h == exceptionAt) {
        route.add(UpdateType.EXCEPTION, hubIds[h], minutes(r, 30, 180));
        if (exceptionOutcome == 2) {
          return route.updates;
        }
        route.add(UpdateType.DEPARTED_HUB, hubIds[h],
            exceptionOutcome == 0 ? minutes(r, 60, 360) : minutes(r, 13 * 60, 30 * 60));
      } else {
        route.add(UpdateType.DEPARTED_HUB, hubIds[h], minutes(r, 60, maxGap));
      }
      if (loop && h == 1) {
        route.add(UpdateType.ARRIVED_HUB, hubIds[0], minutes(r, 60, maxGap));
        route.add(UpdateType.DEPARTED_HUB, hubIds[0], minutes(r, 60, maxGap));
      }
    }
    if (!skipOutForDelivery) {
      route.add(UpdateType.OUT_FOR_DELIVERY, -1, minutes(r, 60, maxGap));
      route.add(UpdateType.DELIVERED, -1, minutes(r, 30, 300));
    } else {
      route.add(UpdateType.DELIVERED, -1, minutes(r, 60, maxGap));
    }
    return route.updates;
  }

  private SplittableRandom random(long k, int stream) {
    long h = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
    return new SplittableRandom(h);
  }

  private static long minutes(SplittableRandom r, int from, int to) {
    return (from + r.nextInt(to - from + 1)) * 60_000L;
  }

  /** Builds a route: each update some minutes after the previous one. */
  private static final class Route {
    private final long orderId;
    private final List<ShippingUpdate> updates = new ArrayList<>();
    private long time;

    Route(long orderId, long start) {
      this.orderId = orderId;
      this.time = start;
    }

    void add(UpdateType type, int hub, long after) {
      time += after;
      updates.add(new ShippingUpdate(orderId, updates.size(), type, hub, time));
    }
  }
}
