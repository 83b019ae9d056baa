package io.eddy.runtime.execution;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;

/**
 * Decides whether a failed job restarts and after how long: {@code none}, {@code fixed-delay}
 * (attempts, delay) or {@code exponential-delay} (initial and max backoff, multiplier,
 * attempts). Default: fixed-delay without limit when checkpointing is on, none otherwise.
 */
public sealed interface RestartStrategy {
  /** The wait before restart number {@code restart} (1-based), or -1 to give up. */
  long delayBeforeRestart(int restart);

  record None() implements RestartStrategy {
    @Override
    public long delayBeforeRestart(int restart) {
      return -1;
    }
  }

  record FixedDelay(int attempts, long delayMillis) implements RestartStrategy {
    @Override
    public long delayBeforeRestart(int restart) {
      return restart <= attempts ? delayMillis : -1;
    }
  }

  record ExponentialDelay(int attempts, long initialMillis, long maxMillis, double multiplier) implements RestartStrategy {
    @Override
    public long delayBeforeRestart(int restart) {
      if (restart > attempts) {
        return -1;
      }
      double delay = initialMillis * Math.pow(multiplier, restart - 1);
      return (long) Math.min(delay, maxMillis);
    }
  }

  static RestartStrategy fromConfiguration(Configuration c) {
    String type = c.get(CheckpointingOptions.RESTART_STRATEGY);
    if (type.isEmpty()) {
      type = c.get(CheckpointingOptions.INTERVAL).isZero() ? "none" : "fixed-delay";
    }
    return switch (type) {
      case "none", "disable" -> new None();
      case "fixed-delay", "fixeddelay" -> new FixedDelay(c.get(CheckpointingOptions.FIXED_DELAY_ATTEMPTS),
          c.get(CheckpointingOptions.FIXED_DELAY).toMillis());
      case "exponential-delay", "exponentialdelay" -> new ExponentialDelay(
          c.get(CheckpointingOptions.EXPONENTIAL_ATTEMPTS),
          c.get(CheckpointingOptions.EXPONENTIAL_INITIAL_BACKOFF).toMillis(),
          c.get(CheckpointingOptions.EXPONENTIAL_MAX_BACKOFF).toMillis(),
          c.get(CheckpointingOptions.EXPONENTIAL_MULTIPLIER));
      default -> throw new IllegalArgumentException("Unknown restart-strategy.type '" + type
          + "'; use none, fixed-delay or exponential-delay");
    };
  }
}
