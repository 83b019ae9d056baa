package io.eddy.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of state entries, measured in processing time. An entry expires {@code ttl} after
 * its last write (or read, with {@link UpdateType#OnReadAndWrite}); expired entries are never
 * returned with {@link StateVisibility#NeverReturnExpired} and are removed when next touched.
 */
public record StateTtlConfig(Duration ttl, UpdateType updateType, StateVisibility stateVisibility)
    implements Serializable {

  /** No expiry. */
  public static final StateTtlConfig DISABLED =
      new StateTtlConfig(Duration.ZERO, UpdateType.Disabled, StateVisibility.NeverReturnExpired);

  /** Which accesses renew an entry's time to live. */
  public enum UpdateType { Disabled, OnCreateAndWrite, OnReadAndWrite }

  /** Whether an expired entry that is still stored may be returned. */
  public enum StateVisibility { NeverReturnExpired, ReturnExpiredIfNotCleanedUp }

  public StateTtlConfig {
    Objects.requireNonNull(ttl);
    Objects.requireNonNull(updateType);
    Objects.requireNonNull(stateVisibility);
    if (updateType != UpdateType.Disabled && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException("State TTL must be positive, got " + ttl);
    }
  }

  public boolean isEnabled() {
    return updateType != UpdateType.Disabled;
  }

  public static Builder newBuilder(Duration ttl) {
    return new Builder(ttl);
  }

  /** Builds a {@link StateTtlConfig}; defaults: OnCreateAndWrite, NeverReturnExpired. */
  public static final class Builder {
    private final Duration ttl;
    private UpdateType updateType = UpdateType.OnCreateAndWrite;
    private StateVisibility visibility = StateVisibility.NeverReturnExpired;

    private Builder(Duration ttl) {
      this.ttl = ttl;
    }

    public Builder setUpdateType(UpdateType updateType) {
      this.updateType = updateType;
      return this;
    }

    public Builder updateTtlOnReadAndWrite() {
      return setUpdateType(UpdateType.OnReadAndWrite);
    }

    public Builder setStateVisibility(StateVisibility visibility) {
      this.visibility = visibility;
      return this;
    }

    public Builder returnExpiredIfNotCleanedUp() {
      return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
    }

    public StateTtlConfig build() {
      return new StateTtlConfig(ttl, updateType, visibility);
    }
  }
}
