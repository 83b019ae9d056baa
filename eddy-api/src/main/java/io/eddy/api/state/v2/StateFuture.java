package io.eddy.api.state.v2;

import io.eddy.api.tuple.Tuple2;
import io.eddy.api.util.function.BiFunctionWithException;
import io.eddy.api.util.function.FunctionWithException;
import io.eddy.api.util.function.ThrowingConsumer;

/**
 * The result of an asynchronous state access, completed later by the runtime. There is no
 * blocking {@code get()}: work that needs the result is chained with the methods below.
 *
 * <p>Threading contract: every method must be called on the task thread, and every callback runs
 * on the task thread with the key (and namespace) of the record that issued the access as the
 * current key, so user code needs no locks. A callback registered on a completed future runs at
 * once, before the method returns. An exception thrown by a callback fails the task, naming the
 * operator.
 *
 * @param <T> the type of the result
 */
public interface StateFuture<T> {

  /** A future of {@code fn} applied to this future's result. */
  <U> StateFuture<U> thenApply(FunctionWithException<? super T, ? extends U, ? extends Exception> fn);

  /** A future that completes after {@code action} consumed this future's result. */
  StateFuture<Void> thenAccept(ThrowingConsumer<? super T, ? extends Exception> action);

  /** A future of the future that {@code action} returns for this future's result. */
  <U> StateFuture<U> thenCompose(
      FunctionWithException<? super T, ? extends StateFuture<U>, ? extends Exception> action);

  /** A future of {@code fn} applied to this future's and {@code other}'s results, once both are there. */
  <U, V> StateFuture<V> thenCombine(StateFuture<? extends U> other,
      BiFunctionWithException<? super T, ? super U, ? extends V, ? extends Exception> fn);

  /**
   * Tests the result and applies one of two functions; the future holds the test's outcome and the
   * chosen function's result.
   */
  default <U, V> StateFuture<Tuple2<Boolean, Object>> thenConditionallyApply(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      FunctionWithException<? super T, ? extends U, ? extends Exception> actionIfTrue,
      FunctionWithException<? super T, ? extends V, ? extends Exception> actionIfFalse) {
    return thenApply(t -> condition.apply(t)
        ? Tuple2.of(true, (Object) actionIfTrue.apply(t))
        : Tuple2.of(false, (Object) actionIfFalse.apply(t)));
  }

  /** Tests the result and applies {@code actionIfTrue} if it holds (the result is null otherwise). */
  default <U> StateFuture<Tuple2<Boolean, U>> thenConditionallyApply(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      FunctionWithException<? super T, ? extends U, ? extends Exception> actionIfTrue) {
    return thenApply(t -> condition.apply(t) ? Tuple2.of(true, actionIfTrue.apply(t)) : Tuple2.of(false, null));
  }

  /** Tests the result and runs one of two actions; the future holds the test's outcome. */
  default StateFuture<Boolean> thenConditionallyAccept(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      ThrowingConsumer<? super T, ? extends Exception> actionIfTrue,
      ThrowingConsumer<? super T, ? extends Exception> actionIfFalse) {
    return thenApply(t -> {
      boolean holds = condition.apply(t);
      if (holds) {
        actionIfTrue.accept(t);
      } else {
        actionIfFalse.accept(t);
      }
      return holds;
    });
  }

  /** Tests the result and runs {@code actionIfTrue} if it holds; the future holds the test's outcome. */
  default StateFuture<Boolean> thenConditionallyAccept(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      ThrowingConsumer<? super T, ? extends Exception> actionIfTrue) {
    return thenConditionallyAccept(condition, actionIfTrue, t -> {});
  }

  /**
   * Tests the result and composes with one of two futures; the future holds the test's outcome and
   * the chosen future's result.
   */
  default <U, V> StateFuture<Tuple2<Boolean, Object>> thenConditionallyCompose(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      FunctionWithException<? super T, ? extends StateFuture<U>, ? extends Exception> actionIfTrue,
      FunctionWithException<? super T, ? extends StateFuture<V>, ? extends Exception> actionIfFalse) {
    return thenCompose(t -> condition.apply(t)
        ? actionIfTrue.apply(t).thenApply(u -> Tuple2.of(true, (Object) u))
        : actionIfFalse.apply(t).thenApply(v -> Tuple2.of(false, (Object) v)));
  }

  /** Tests the result and composes with {@code actionIfTrue}'s future if it holds. */
  default <U> StateFuture<Tuple2<Boolean, U>> thenConditionallyCompose(
      FunctionWithException<? super T, Boolean, ? extends Exception> condition,
      FunctionWithException<? super T, ? extends StateFuture<U>, ? extends Exception> actionIfTrue) {
    return thenCompose(t -> condition.apply(t)
        ? actionIfTrue.apply(t).thenApply(u -> Tuple2.of(true, u))
        : StateFutureUtils.completedFuture(Tuple2.<Boolean, U>of(false, null)));
  }
}
