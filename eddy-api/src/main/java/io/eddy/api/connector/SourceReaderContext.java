package io.eddy.api.connector;

/** Tells a reader which slice of the source it reads: subtask {@code subtaskIndex} of {@code parallelism}. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  /** The task's processing-time clock (controllable in tests). */
  long currentProcessingTime();

  /** Reports a bad input record that was skipped (counted and listed in the job result). */
  void reportSkippedRecord(String description);
}
