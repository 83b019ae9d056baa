package io.eddy.api.connector;

/** Tells a reader which slice of the source it reads: subtask {@code subtaskIndex} of {@code parallelism}. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  /** The task's processing-time clock (controllable in tests). */
  long currentProcessingTime();

  /** Reports a bad input record that was skipped (counted and listed in the job result). */
  void reportSkippedRecord(String description);

  /**
   * True if the job was restored from a checkpoint: the reader must then read exactly the
   * entries of {@link #restoredState()} (possibly none) instead of its own fresh share.
   */
  default boolean isRestored() {
    return false;
  }

  /** The position entries this subtask resumes from (see {@link SourceReader#snapshotState}). */
  default java.util.List<java.io.Serializable> restoredState() {
    return java.util.List.of();
  }
}
