package io.eddy.state.async;

import io.eddy.state.InternalKvState;
import io.eddy.state.KeyedStateBackend;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The executor of backends whose state is in memory (hashmap): it runs every request of a batch
 * at once, on the task thread, through the synchronous API, and returns a completed future. No
 * I/O to overlap, so no threads: it {@linkplain #answersAtOnce answers at once}, and the controller
 * gives it each request as it is issued. The backend's current key is restored afterwards, since a
 * batch may run while a record of another key is being processed.
 */
public final class InlineStateExecutor implements StateExecutor {
  private final KeyedStateBackend<Object> backend;

  @SuppressWarnings("unchecked")
  public InlineStateExecutor(KeyedStateBackend<?> backend) {
    this.backend = (KeyedStateBackend<Object>) backend;
  }

  @Override
  public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
    Object previousKey = backend.getCurrentKey();
    try {
      for (StateRequest request : batch) {
        SyncRequests.execute(backend, request);
      }
      return CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      if (previousKey != null && previousKey != backend.getCurrentKey()) {
        backend.setCurrentKey(previousKey);
      }
    }
  }

  /** REQUIRES: {@code key} is the backend's current key (the record's context), so none is restored. */
  @Override
  public Object answerAtOnce(StateRequestType type, InternalKvState<?> state, Object key, Object namespace,
      Object payload, Object value) throws Exception {
    return SyncRequests.execute(backend, type, state, key, namespace, payload, value);
  }

  @Override
  public boolean answersAtOnce() {
    return true;
  }

  @Override
  public boolean readsOffTaskThread() {
    return false;
  }

  @Override
  public void close() {}
}
