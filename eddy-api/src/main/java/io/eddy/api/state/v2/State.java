package io.eddy.api.state.v2;

/**
 * A piece of keyed state accessed asynchronously (Flink's State V2): every access returns a
 * {@link StateFuture} and refers to the key (and namespace) of the record being processed when it
 * was issued. Obtained from the runtime context of a function on a keyed stream with
 * {@code enableAsyncState()}; the state of one name is the same whether read through this API or
 * the synchronous one, so a job may switch between them across a restore.
 */
public interface State {
  /** Removes the value of the current key. */
  StateFuture<Void> asyncClear();
}
