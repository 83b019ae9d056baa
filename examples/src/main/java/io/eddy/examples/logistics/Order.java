package io.eddy.examples.logistics;

/** An order placed on one platform; its event time is {@code createdAt} (epoch milliseconds). */
public record Order(long orderId, Platform platform, long createdAt) implements LogisticsEvent {
  @Override
  public long eventTime() {
    return createdAt;
  }
}
