package io.eddy.api.connector;

import java.io.Serializable;

/**
 * A parallel source: the runtime creates one reader per subtask, each of which reads its own
 * share (by subtask index and parallelism). A source that cannot split its input reports
 * {@link #maxParallelism()} 1.
 */
public interface Source<T> extends Serializable {
  Boundedness getBoundedness();

  SourceReader<T> createReader(SourceReaderContext context) throws Exception;

  /** The most subtasks this source can use; the runtime never runs more. */
  default int maxParallelism() {
    return Integer.MAX_VALUE;
  }
}
