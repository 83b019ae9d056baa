package io.eddy.api.state.v2;

import io.eddy.api.util.function.BiFunctionWithException;
import io.eddy.api.util.function.FunctionWithException;
import io.eddy.api.util.function.ThrowingConsumer;

/**
 * A future that already has its result: callbacks run at once, on the calling (task) thread. What
 * {@link StateFutureUtils#completedFuture} returns; it needs no runtime, so code that sometimes
 * has no state to read stays in the future-chaining style. Exceptions of callbacks propagate to
 * the caller, as they would from the code around it.
 */
final class CompletedStateFuture<T> implements StateFuture<T> {
  /** The future of null, shared: it is immutable. */
  private static final CompletedStateFuture<Object> NULL = new CompletedStateFuture<>(null);

  private final T value;

  @SuppressWarnings("unchecked")
  static <T> CompletedStateFuture<T> of(T value) {
    return value == null ? (CompletedStateFuture<T>) NULL : new CompletedStateFuture<>(value);
  }

  private CompletedStateFuture(T value) {
    this.value = value;
  }

  @Override
  public <U> StateFuture<U> thenApply(FunctionWithException<? super T, ? extends U, ? extends Exception> fn) {
    return CompletedStateFuture.of(run(() -> fn.apply(value)));
  }

  @Override
  public StateFuture<Void> thenAccept(ThrowingConsumer<? super T, ? extends Exception> action) {
    run(() -> {
      action.accept(value);
      return null;
    });
    return CompletedStateFuture.of(null);
  }

  @Override
  public <U> StateFuture<U> thenCompose(
      FunctionWithException<? super T, ? extends StateFuture<U>, ? extends Exception> action) {
    return run(() -> action.apply(value));
  }

  @Override
  public <U, V> StateFuture<V> thenCombine(StateFuture<? extends U> other,
      BiFunctionWithException<? super T, ? super U, ? extends V, ? extends Exception> fn) {
    return other.thenApply(u -> fn.apply(value, u));
  }

  private interface Body<R> {
    R call() throws Exception;
  }

  private static <R> R run(Body<R> body) {
    try {
      return body.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateCallbackException(e);
    }
  }
}
