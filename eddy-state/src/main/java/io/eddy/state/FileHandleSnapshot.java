package io.eddy.state;

import java.io.IOException;

/**
 * A snapshot whose data lives in files the backend manages itself (RocksDB SSTs uploaded
 * incrementally, eddy-lsm files referenced in place): the checkpoint stores only the handle
 * this returns, and a restore hands the handle back to a backend of the same kind through
 * {@link KeyedStateBackend#restoreFromHandles}. The handle must name files by full path so that
 * any process can open them.
 */
public non-sealed interface FileHandleSnapshot extends KeyedStateSnapshot {
  /**
   * The asynchronous part: makes everything the checkpoint needs durable on the checkpoint
   * FileSystem (uploads new files; nothing for a store already on it) and returns the handle
   * with the bytes it references and the bytes this checkpoint added. Runs off the task thread,
   * concurrently with further processing.
   */
  PersistedHandle persist() throws IOException;
}
