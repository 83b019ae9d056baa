package io.eddy.api.functions.async;

import io.eddy.api.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * A function that starts an asynchronous request per input element (a database lookup, a call to
 * a service) and completes the given {@link ResultFuture} later, from any thread. Applied with
 * {@link io.eddy.api.datastream.AsyncDataStream#orderedWait} or {@code unorderedWait}, which keep
 * a bounded number of requests in flight and emit the results on the task thread.
 *
 * <p>{@code asyncInvoke} runs on the task thread and must not block: hand the work to a client
 * or executor and return. Completing the future exceptionally, or throwing, fails the job (and
 * so restarts it from its last checkpoint, where in-flight elements are invoked again).
 */
@FunctionalInterface
public interface AsyncFunction<IN, OUT> extends Function {
  /** Starts the request for {@code input}; complete {@code resultFuture} exactly once, from any thread. */
  void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

  /**
   * Called on the task thread when the request for {@code input} did not complete within the
   * operator's timeout. By default fails the job with a {@link TimeoutException}; override to
   * complete with a fallback instead.
   */
  default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
    resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
  }
}
