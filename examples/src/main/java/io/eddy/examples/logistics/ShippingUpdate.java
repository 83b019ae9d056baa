package io.eddy.examples.logistics;

import java.time.Instant;

/**
 * One scan of an order's parcel: the {@code seq}-th event of its route (a re-sent update has the
 * same seq), at {@code hub} (-1 when the update is not at a hub), at event time {@code timestamp}.
 */
public record ShippingUpdate(long orderId, int seq, UpdateType type, int hub, long timestamp)
    implements LogisticsEvent {

  @Override
  public long eventTime() {
    return timestamp;
  }

  /** How alerts show the update: {@code TYPE[@hubN]@instant}. */
  public String describe() {
    return type + (hub >= 0 ? "@hub" + hub : "") + "@" + Instant.ofEpochMilli(timestamp);
  }
}
