package io.eddy.examples.logistics;

import java.io.Serializable;

/** A record of the logistics feed: an order or a shipping update, with its event time. */
public sealed interface LogisticsEvent extends Serializable permits Order, ShippingUpdate {
  long orderId();

  /** Event time, epoch milliseconds. */
  long eventTime();
}
