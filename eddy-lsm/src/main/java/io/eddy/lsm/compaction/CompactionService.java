package io.eddy.lsm.compaction;

import java.io.IOException;

/**
 * Where compactions execute: in this process ({@link LocalCompactionService}) or in a
 * worker process ({@code remote.RemoteCompactionService}). A service reads the job's inputs
 * from the shared FileSystem and writes the outputs there; the store alone decides whether
 * to install them, after checking they are exactly what it reserved.
 *
 * <p>Contract: on failure a service throws and should leave no outputs (the store also
 * deletes anything in the reserved range before retrying locally with fresh numbers).
 *
 * <p>Thread safety: implementations must allow concurrent {@link #compact} calls.
 */
public interface CompactionService extends AutoCloseable {
  CompactionResult compact(CompactionJob job) throws IOException;

  /** A short name for logs and metrics ("local", "remote 127.0.0.1:7000"). */
  String describe();

  @Override
  default void close() {}
}
