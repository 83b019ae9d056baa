package io.eddy.api.execution;

/** The guarantee checkpoints give, as in Flink. Eddy's aligned barriers give EXACTLY_ONCE, which also satisfies AT_LEAST_ONCE. */
public enum CheckpointingMode {
  EXACTLY_ONCE,
  AT_LEAST_ONCE
}
