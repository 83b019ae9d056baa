package io.eddy.api.connector;

import java.io.Serializable;
import java.util.List;

/**
 * Reads one subtask's share of a source. Called on its task thread only; {@link #pollNext}
 * should emit a handful of records at most and must not block for long.
 *
 * <p>Checkpoints: {@link #snapshotState} returns the reader's position as a list of entries
 * (typically one per split it reads, e.g. (file, offset) or (index range, next index)). On
 * restore the entries of all subtasks are dealt round-robin to the new subtasks and handed to
 * the new readers through {@link SourceReaderContext#restoredState()}, so a source rescales if
 * each entry can be read independently.
 */
public interface SourceReader<T> extends AutoCloseable {
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  /**
   * The reader's position after the records emitted so far. A source that cannot resume
   * throws, so that a checkpointed job fails loudly instead of replaying silently.
   */
  default List<? extends Serializable> snapshotState(long checkpointId) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not support checkpoints");
  }

  @Override
  default void close() throws Exception {}
}
