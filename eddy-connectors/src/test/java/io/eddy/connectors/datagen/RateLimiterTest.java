package io.eddy.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void grantsTokensAsTheClockAdvances() {
    RateLimiter limiter = new RateLimiter(1000); // one per millisecond
    assertThat(limiter.acquire(64, 100)).isEqualTo(1);
    assertThat(limiter.acquire(64, 100)).isZero();
    assertThat(limiter.acquire(64, 110)).isEqualTo(10);
    assertThat(limiter.acquire(4, 120)).isEqualTo(4);
    assertThat(limiter.acquire(64, 120)).isEqualTo(6);
  }

  @Test
  void capsTheBurstAfterAPause() {
    RateLimiter limiter = new RateLimiter(100); // 50 ms worth = 5 records
    limiter.acquire(64, 0);
    assertThat(limiter.acquire(64, 10_000)).isEqualTo(5);
  }

  @Test
  void slowRatesAccumulateFractions() {
    RateLimiter limiter = new RateLimiter(10); // one per 100 ms
    assertThat(limiter.acquire(1, 0)).isEqualTo(1);
    assertThat(limiter.acquire(1, 50)).isZero();
    assertThat(limiter.acquire(1, 100)).isEqualTo(1);
  }
}
