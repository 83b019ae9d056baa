package io.eddy.api.config;

/** Where a job's state comes from when it starts (Flink's key names): a savepoint or a retained checkpoint. */
public final class StateRecoveryOptions {
  private StateRecoveryOptions() {}

  public static final ConfigOption<String> PATH = ConfigOption.stringOption(
      "execution.state-recovery.path", "",
      "Savepoint or checkpoint folder (the one holding _metadata) to start the job from, at any parallelism up to "
          + "the max parallelism; operators are matched by uid. CLI: -s PATH.");

  public static final ConfigOption<Boolean> IGNORE_UNCLAIMED_STATE = ConfigOption.booleanOption(
      "execution.state-recovery.ignore-unclaimed-state", false,
      "Start even if the savepoint has state of an operator (uid) that the job no longer has; that state is "
          + "dropped. CLI: --allowNonRestoredState.");
}
