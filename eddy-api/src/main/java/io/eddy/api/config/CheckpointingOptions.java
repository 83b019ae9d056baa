package io.eddy.api.config;

import java.time.Duration;

/** Configuration of checkpoints and of restarts after failures (Flink's key names). */
public final class CheckpointingOptions {
  private CheckpointingOptions() {}

  public static final ConfigOption<Duration> INTERVAL = ConfigOption.durationOption(
      "execution.checkpointing.interval", Duration.ZERO, "Time between checkpoints; 0 disables them.");

  public static final ConfigOption<Duration> TIMEOUT = ConfigOption.durationOption(
      "execution.checkpointing.timeout", Duration.ofMinutes(10), "A checkpoint not complete by then is aborted.");

  public static final ConfigOption<Duration> MIN_PAUSE = ConfigOption.durationOption(
      "execution.checkpointing.min-pause", Duration.ZERO, "Least time between the end of one checkpoint and the next.");

  public static final ConfigOption<Boolean> ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH = ConfigOption.booleanOption(
      "execution.checkpointing.checkpoints-after-tasks-finish", true,
      "Keep taking checkpoints after some tasks finished (finished tasks are not triggered and their state is "
          + "recorded empty); a finished task waits for a final checkpoint, so two-phase-commit sinks commit their "
          + "last transaction through it. When false, checkpoints stop once any task finished.");

  public static final ConfigOption<String> DIRECTORY = ConfigOption.stringOption(
      "state.checkpoints.dir", "",
      "Where checkpoints are written (any FileSystem path); empty keeps them in memory for in-process recovery.");

  public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOption.stringOption(
      "state.savepoints.dir", "",
      "Default folder of savepoints (eddy savepoint / eddy stop --savepoint without a folder); each savepoint is "
          + "a self-contained folder savepoint-<job id prefix>-<random> in it.");

  public static final ConfigOption<Integer> NUM_RETAINED = ConfigOption.intOption(
      "state.checkpoints.num-retained", 1, "Completed checkpoints kept; older ones are deleted.");

  public static final ConfigOption<Boolean> RESUME = ConfigOption.booleanOption(
      "execution.checkpointing.resume", false,
      "Start from the latest complete checkpoint in state.checkpoints.dir (e.g. after the process died), "
          + "at any parallelism up to the max parallelism.");

  public static final ConfigOption<Integer> INJECT_FAILURES = ConfigOption.intOption(
      "execution.fault-injection.failures", 0,
      "Fail the job this many times at random moments in random tasks, to exercise recovery.");

  public static final ConfigOption<Long> INJECT_FAILURES_SEED = ConfigOption.longOption(
      "execution.fault-injection.seed", 42, "Seed of the random moments and tasks of injected failures.");

  public static final ConfigOption<java.time.Duration> INJECT_FAILURES_MEAN_DELAY = ConfigOption.durationOption(
      "execution.fault-injection.mean-delay", java.time.Duration.ofMillis(500),
      "Mean time from an attempt's start to its injected failure (uniform in [0, 2 x mean]).");

  public static final ConfigOption<String> RESTART_STRATEGY = ConfigOption.stringOption(
      "restart-strategy.type", "",
      "none, fixed-delay or exponential-delay; default fixed-delay when checkpointing is on, else none.");

  public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOption.intOption(
      "restart-strategy.fixed-delay.attempts", Integer.MAX_VALUE, "Restarts before the job fails for good.");

  public static final ConfigOption<Duration> FIXED_DELAY = ConfigOption.durationOption(
      "restart-strategy.fixed-delay.delay", Duration.ofSeconds(1), "Wait before each restart.");

  public static final ConfigOption<Integer> EXPONENTIAL_ATTEMPTS = ConfigOption.intOption(
      "restart-strategy.exponential-delay.attempts", Integer.MAX_VALUE, "Restarts before the job fails for good.");

  public static final ConfigOption<Duration> EXPONENTIAL_INITIAL_BACKOFF = ConfigOption.durationOption(
      "restart-strategy.exponential-delay.initial-backoff", Duration.ofSeconds(1), "Wait before the first restart.");

  public static final ConfigOption<Duration> EXPONENTIAL_MAX_BACKOFF = ConfigOption.durationOption(
      "restart-strategy.exponential-delay.max-backoff", Duration.ofMinutes(1), "Longest wait between restarts.");

  public static final ConfigOption<Double> EXPONENTIAL_MULTIPLIER = new ConfigOption<>(
      "restart-strategy.exponential-delay.backoff-multiplier", 2.0, Double::parseDouble,
      "Factor by which the wait grows after each restart.");
}
