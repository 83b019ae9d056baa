package io.eddy.state.bytes;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * An ordered byte key-value store holding the keyed state of one operator subtask: the part a
 * byte-oriented backend (rocksdb, disaggregated) implements, while {@link ByteKeyedStateBackend}
 * implements the state primitives, timers and namespaces on top of it once for all of them.
 *
 * <p>Keys given to a {@link KvColumn} always start with the two-byte big-endian key group, so
 * a key-group range is one contiguous key range in every column. Lifecycle: created empty;
 * {@link #restore} is called at most once, before the first {@link #column}; then columns are
 * used by the task thread; {@link #snapshot} on the task thread, the snapshot persisted on
 * another. Not thread-safe except where a method says so.
 */
public interface KvStore extends AutoCloseable {
  /** The backend kind ({@code state.backend.type}) this store belongs to. */
  String kind();

  /**
   * Restores from checkpoint handles of this kind; the store keeps only the key groups of
   * {@code range} (handles may cover more: rescaling).
   */
  void restore(List<KeyedStateHandle> handles, KeyGroupRange range) throws IOException;

  /**
   * The named keyspace (a RocksDB column family, or an id prefix in one LSM tree), created on
   * first use, and found again after a restore. The options say how it is compacted.
   */
  KvColumn column(String name, ColumnOptions options) throws IOException;

  /** The names of the columns the store holds: those opened, and those a restore brought back. */
  Collection<String> columnNames() throws IOException;

  /** A batch of writes to this store's columns, applied together on commit (task thread). */
  default KvWriteBatch newWriteBatch() {
    return KvWriteBatch.immediate();
  }

  /**
   * How many threads an asynchronous state executor may read this store's columns with while the
   * task thread writes; 0 (the default) when reads are not safe beside writes, so they run on the
   * task thread.
   */
  default int asyncReadThreads() {
    return 0;
  }

  /**
   * Whether its columns' {@link KvColumn#multiGetCached} answers every read that memory and the
   * caches can answer, so that the reads it leaves need I/O; false (the default) for a store whose
   * columns answer none there.
   */
  default boolean answersCachedReads() {
    return false;
  }

  /** The synchronous part of a checkpoint: pins a consistent state of every column. */
  FileHandleSnapshot snapshot(long checkpointId, KeyGroupRange range) throws IOException;

  /** Checkpoint {@code checkpointId} completed; snapshots it subsumes may be released. */
  void notifyCheckpointComplete(long checkpointId) throws IOException;

  @Override
  void close();
}
