package io.eddy.api.connector;

/** Writes one subtask's records of a sink. Called on its task thread only. */
public interface SinkWriter<T> extends AutoCloseable {
  void write(T element, Context context) throws Exception;

  /** Makes written records durable or visible; {@code endOfInput} on the last call. */
  void flush(boolean endOfInput) throws Exception;

  @Override
  default void close() throws Exception {}

  /** The record's surroundings. */
  interface Context {
    long currentWatermark();

    /** The record's timestamp, or null if it has none. */
    Long timestamp();
  }
}
