package io.eddy.state.async;

import io.eddy.state.InternalKvState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

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
 * key, except {@link StateRequestType#PREFETCH} requests, which change nothing (they may be sent
 * ahead of their record, beside requests of its key in flight, and their answer is not used). {@link #close()} waits for I/O in flight and must come before the backend's close.
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
   * own context ({@link #answerAtOnce}), and hands back a completed future, as Flink's adaptor of
   * synchronous backends does: batching such requests would only add buffering, mail and waiting
   * for the key.
   */
  default boolean answersAtOnce() {
    return false;
  }

  /**
   * For an executor that {@linkplain #answersAtOnce answers at once}: runs one request now, on the
   * task thread, in the context of {@code key} (the backend's current key), and returns its result,
   * without the request object and list a batch needs. The default runs a batch of one.
   *
   * @throws Exception the request's failure
   */
  default Object answerAtOnce(StateRequestType type, InternalKvState<?> state, Object key, Object namespace,
      Object payload, Object value) throws Exception {
    StateRequest request = new StateRequest(type, state, key, namespace, payload, value);
    CompletableFuture<Void> done = executeBatch(List.of(request));
    if (done.state() == Future.State.FAILED) {
      Throwable failure = done.exceptionNow();
      throw failure instanceof Exception e ? e : new IllegalStateException(failure);
    }
    if (done.state() != Future.State.SUCCESS) {
      throw new IllegalStateException(request + " was not answered at once by an executor that answers at once");
    }
    return request.result();
  }

  /**
   * Runs {@code request} now, on the task thread, if that costs no I/O (its reads are answered
   * from memory and the store's caches), setting its result, and returns true; else returns false
   * having changed nothing. The controller tries this for a request of a key with no request
   * unanswered, so that a key whose state is cached (a hot key) advances without a batch round
   * trip per record. REQUIRES: no request of {@code request.key()} is buffered or in a batch in
   * flight, unless {@code request} is a PREFETCH. By default false (every request waits for a batch).
   *
   * @throws Exception the request's failure
   */
  default boolean tryAnswerAtOnce(StateRequest request) throws Exception {
    return false;
  }

  /**
   * Whether {@link #tryAnswerAtOnce} answers every request that needs no I/O, so that a request
   * left for a batch waits for I/O (a read its caches miss) or for such a request of its key. For
   * such an executor a fuller batch saves little (the store overlaps the reads of a batch, however
   * small) while each buffered request holds its key's records and counts against the in-flight
   * limit: the controller sends a batch as soon as none is in flight. By default false.
   */
  default boolean batchesOnlyIo() {
    return false;
  }

  @Override
  void close();
}
