package io.eddy.examples.logistics;

import java.io.Serializable;

/** A shipping update joined with its order (so with the order's platform and creation time). */
public record TrackedUpdate(Order order, ShippingUpdate update) implements Serializable {
  public long orderId() {
    return order.orderId();
  }

  public UpdateType type() {
    return update.type();
  }
}
