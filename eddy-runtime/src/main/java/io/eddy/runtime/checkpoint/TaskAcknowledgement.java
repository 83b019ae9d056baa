package io.eddy.runtime.checkpoint;

/** One operator subtask's part of a checkpoint, reported once its state file is written. */
public record TaskAcknowledgement(String stateId, String operatorName, int parallelism, StateHandle handle) {}
