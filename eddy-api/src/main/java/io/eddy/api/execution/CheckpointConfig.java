package io.eddy.api.execution;

import io.eddy.api.config.CheckpointingOptions;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.PipelineOptions;
import java.time.Duration;

/**
 * Flink's CheckpointConfig, as a view of the environment's configuration (the
 * {@code execution.checkpointing.*} keys), so jobs that tune checkpoints in code port unchanged.
 */
public final class CheckpointConfig {
  private final Configuration configuration;

  public CheckpointConfig(Configuration configuration) {
    this.configuration = configuration;
  }

  public boolean isCheckpointingEnabled() {
    return !configuration.get(CheckpointingOptions.INTERVAL).isZero();
  }

  /** The interval in milliseconds, or -1 when checkpointing is off (as in Flink). */
  public long getCheckpointInterval() {
    return isCheckpointingEnabled() ? configuration.get(CheckpointingOptions.INTERVAL).toMillis() : -1;
  }

  public void setCheckpointInterval(long intervalMillis) {
    if (intervalMillis < 10) {
      throw new IllegalArgumentException("Checkpoint interval must be at least 10 ms, got " + intervalMillis);
    }
    configuration.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(intervalMillis));
  }

  public long getCheckpointTimeout() {
    return configuration.get(CheckpointingOptions.TIMEOUT).toMillis();
  }

  public void setCheckpointTimeout(long timeoutMillis) {
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("Checkpoint timeout must be at least 1 ms, got " + timeoutMillis);
    }
    configuration.set(CheckpointingOptions.TIMEOUT, Duration.ofMillis(timeoutMillis));
  }

  public long getMinPauseBetweenCheckpoints() {
    return configuration.get(CheckpointingOptions.MIN_PAUSE).toMillis();
  }

  public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
    if (minPauseMillis < 0) {
      throw new IllegalArgumentException("Minimum pause must not be negative, got " + minPauseMillis);
    }
    configuration.set(CheckpointingOptions.MIN_PAUSE, Duration.ofMillis(minPauseMillis));
  }

  /** Eddy runs one checkpoint at a time, Flink's default. */
  public int getMaxConcurrentCheckpoints() {
    return 1;
  }

  /** Accepts 1, Flink's default; more concurrent checkpoints are refused rather than silently ignored. */
  public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
    if (maxConcurrentCheckpoints != 1) {
      throw new UnsupportedOperationException("Eddy runs one checkpoint at a time; max concurrent checkpoints "
          + maxConcurrentCheckpoints + " is not supported");
    }
  }

  public CheckpointingMode getCheckpointingConsistencyMode() {
    return CheckpointingMode.valueOf(configuration.get(PipelineOptions.CHECKPOINTING_MODE));
  }

  public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
    configuration.set(PipelineOptions.CHECKPOINTING_MODE, mode.name());
  }
}
