package io.eddy.state.async;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs batches of {@link StateRequest}s against one keyed state backend, so that the I/O of many
 * records overlaps: the backend-specific part of the asynchronous execution model. Each backend
 * gives the executor that suits it ({@code KeyedStateBackend#createStateExecutor}): the heap runs
 * requests inline on the task thread; the byte stores read a batch with multi-gets on I/O threads
 * and write it as one write batch.
 *
 * <p>Contract: {@link #executeBatch} is called on the task thread. Every request of the batch sees
 * the state as left by the requests before it in the list (the same answers as running them one
 * after another through the synchronous API); requests of different keys may run in any order
 * between them. The returned future completes, on the task thread or on any other, once every
 * request has its result set (on the task thread), or exceptionally if one failed. Batches may
 * overlap in time: the caller guarantees that no two batches in flight hold requests of the same
 * key. {@link #close()} waits for I/O in flight and must come before the backend's close.
 */
public interface StateExecutor extends AutoCloseable {
  CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch);

  /**
   * Whether reads run off the task thread, so that issuing them ahead ({@link
   * StateRequestType#PREFETCH}) overlaps their I/O with other records' work; where they do not
   * (state in memory, or no read threads), prefetching only costs.
   */
  boolean readsOffTaskThread();

  /**
   * Whether {@link #executeBatch} answers every request before it returns, on the task thread
   * (state in memory). The controller then runs each request as it is issued, in the record's
   * own context, and hands back a completed future, as Flink's adaptor of synchronous backends
   * does: batching such requests would only add buffering, mail and waiting for the key. Such an
   * executor keeps no reference to a batch after returning (the controller reuses the list).
   */
  default boolean answersAtOnce() {
    return false;
  }

  @Override
  void close();
}
