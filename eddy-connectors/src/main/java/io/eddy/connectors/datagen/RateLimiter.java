package io.eddy.connectors.datagen;

/**
 * A token bucket that paces one subtask to its share of a records-per-second rate. Tokens
 * accrue with the clock the caller passes in (milliseconds) and are capped at a burst of 50 ms
 * worth (at least one record), so a reader that was held up does not catch up in one flood.
 * Not thread-safe: used by one reader on its task thread.
 */
final class RateLimiter {
  private static final double BURST_MILLIS = 50;

  private final double tokensPerMilli;
  private final double capacity;
  private double tokens;
  private long lastMillis;
  private boolean started;

  RateLimiter(double recordsPerSecond) {
    this.tokensPerMilli = recordsPerSecond / 1000.0;
    this.capacity = Math.max(1.0, tokensPerMilli * BURST_MILLIS);
  }

  /** Takes up to {@code wanted} tokens available at {@code nowMillis}; returns how many it took. */
  int acquire(int wanted, long nowMillis) {
    if (!started) {
      started = true;
      lastMillis = nowMillis;
      tokens = 1.0;
    } else if (nowMillis > lastMillis) {
      tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * tokensPerMilli);
      lastMillis = nowMillis;
    }
    int granted = (int) Math.min(wanted, Math.floor(tokens));
    tokens -= granted;
    return granted;
  }
}
