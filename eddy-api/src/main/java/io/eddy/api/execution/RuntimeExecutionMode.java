package io.eddy.api.execution;

/** Flink's execution modes. Eddy runs STREAMING; BATCH (and AUTOMATIC on bounded input) is refused at submission. */
public enum RuntimeExecutionMode {
  STREAMING,
  BATCH,
  AUTOMATIC
}
