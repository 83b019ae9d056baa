package io.eddy.state.ttl;

import io.eddy.api.state.StateTtlConfig;
import java.util.function.LongSupplier;

/** Applies one {@link StateTtlConfig}: wraps values with the access time and decides expiry. */
final class TtlPolicy {
  private final long ttlMillis;
  private final boolean updateOnRead;
  private final boolean returnExpired;
  private final LongSupplier clock;

  TtlPolicy(StateTtlConfig config, LongSupplier clock) {
    this.ttlMillis = config.ttl().toMillis();
    this.updateOnRead = config.updateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    this.returnExpired = config.stateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    this.clock = clock;
  }

  <V> TtlValue<V> wrap(V value) {
    return new TtlValue<>(value, clock.getAsLong());
  }

  boolean expired(TtlValue<?> value) {
    return value != null && value.lastAccessTimestamp() + ttlMillis <= clock.getAsLong();
  }

  boolean updateOnRead() {
    return updateOnRead;
  }

  boolean returnExpired() {
    return returnExpired;
  }
}
