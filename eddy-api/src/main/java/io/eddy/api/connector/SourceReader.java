package io.eddy.api.connector;

/**
 * Reads one subtask's share of a source. Called on its task thread only; {@link #pollNext}
 * should emit a handful of records at most and must not block for long.
 */
public interface SourceReader<T> extends AutoCloseable {
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  @Override
  default void close() throws Exception {}
}
