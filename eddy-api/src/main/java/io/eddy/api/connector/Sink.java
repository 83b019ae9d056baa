package io.eddy.api.connector;

import java.io.Serializable;

/** A parallel sink: one writer per subtask. */
public interface Sink<T> extends Serializable {
  SinkWriter<T> createWriter(WriterInitContext context) throws Exception;

  /** Where a writer runs. */
  interface WriterInitContext {
    int subtaskIndex();

    int parallelism();
  }
}
