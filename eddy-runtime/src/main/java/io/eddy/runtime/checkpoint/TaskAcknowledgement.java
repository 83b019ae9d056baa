package io.eddy.runtime.checkpoint;

/**
 * One operator subtask's part of a checkpoint: its state, reported once its state file is
 * written, or (with a null handle) that the subtask had finished (Flink's finished task state: it
 * has no state, and a restore must not run it again).
 */
public record TaskAcknowledgement(String stateId, String operatorName, int parallelism, StateHandle handle, int subtask) {

  public TaskAcknowledgement(String stateId, String operatorName, int parallelism, StateHandle handle) {
    this(stateId, operatorName, parallelism, handle, handle.subtask());
  }

  /** Subtask {@code subtask} of the operator had finished when the checkpoint was taken. */
  public static TaskAcknowledgement finished(String stateId, String operatorName, int parallelism, int subtask) {
    return new TaskAcknowledgement(stateId, operatorName, parallelism, null, subtask);
  }

  public boolean isFinished() {
    return handle == null;
  }
}
