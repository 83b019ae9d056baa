package io.eddy.runtime.asyncprocessing;

import io.eddy.api.state.v2.StateCallbackException;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.util.function.BiFunctionWithException;
import io.eddy.api.util.function.FunctionWithException;
import io.eddy.api.util.function.ThrowingConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The runtime's {@link StateFuture}: completed by the {@link AsyncExecutionController} on the task
 * thread, in the context (current key) of the record that issued the request, and running its
 * callbacks there and then. Because completion and registration both happen on the task thread,
 * it needs no synchronization; a callback registered after completion runs at once.
 *
 * <p>A checked exception of a callback is rethrown as a {@link StateCallbackException}; the
 * controller adds the operator's name and the task fails.
 */
final class StateFutureImpl<T> implements StateFuture<T> {
  private boolean done;
  private T value;
  private Consumer<T> first;
  private List<Consumer<T>> more;

  /** The completed future of null, shared: a completed future holds no callbacks, so it never changes. */
  private static final StateFutureImpl<Object> COMPLETED_NULL = newCompleted(null);

  private static <T> StateFutureImpl<T> newCompleted(T value) {
    StateFutureImpl<T> future = new StateFutureImpl<>();
    future.done = true;
    future.value = value;
    return future;
  }

  /** A future already completed with {@code value}: callbacks registered on it run at once. */
  @SuppressWarnings("unchecked")
  static <T> StateFutureImpl<T> completed(T value) {
    return value == null ? (StateFutureImpl<T>) COMPLETED_NULL : newCompleted(value);
  }

  /** Completes the future and runs its callbacks, in registration order. */
  void complete(T result) {
    if (done) {
      throw new IllegalStateException("state future completed twice");
    }
    done = true;
    value = result;
    Consumer<T> callback = first;
    List<Consumer<T>> rest = more;
    first = null;
    more = null;
    if (callback != null) {
      callback.accept(result);
    }
    if (rest != null) {
      rest.forEach(c -> c.accept(result));
    }
  }

  boolean isDone() {
    return done;
  }

  /**
   * Whether completing this (not yet completed) future would run anything but the completion of
   * futures nothing waits on: a registered callback, or a {@link #thenCompose} chain that ends in
   * one. The controller lets the next record of a key start while only such quiet writes of the
   * record before it are left (see {@link AsyncExecutionController}).
   */
  boolean hasDependentWork() {
    if (first == null) {
      return false;
    }
    if (!(first instanceof Forward<T> forward) || forward.target.hasDependentWork()) {
      return true;
    }
    if (more != null) {
      for (Consumer<T> callback : more) {
        if (!(callback instanceof Forward<T> f) || f.target.hasDependentWork()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The link of a {@link #thenCompose}: the inner future's completion completes the outer one. */
  private record Forward<T>(StateFutureImpl<T> target) implements Consumer<T> {
    @Override
    public void accept(T value) {
      target.complete(value);
    }
  }

  private void onComplete(Consumer<T> callback) {
    if (done) {
      callback.accept(value);
    } else if (first == null) {
      first = callback;
    } else {
      if (more == null) {
        more = new ArrayList<>(2);
      }
      more.add(callback);
    }
  }

  // The composition methods of a completed future (every future of a backend that answers at once)
  // run their function now and return its result completed, with no callback or closure.

  @Override
  public <U> StateFuture<U> thenApply(FunctionWithException<? super T, ? extends U, ? extends Exception> fn) {
    if (done) {
      return completed(call(fn, value));
    }
    StateFutureImpl<U> next = new StateFutureImpl<>();
    onComplete(v -> next.complete(call(fn, v)));
    return next;
  }

  @Override
  public StateFuture<Void> thenAccept(ThrowingConsumer<? super T, ? extends Exception> action) {
    if (done) {
      accept(action, value);
      return completed(null);
    }
    StateFutureImpl<Void> next = new StateFutureImpl<>();
    onComplete(v -> {
      accept(action, v);
      next.complete(null);
    });
    return next;
  }

  @Override
  public <U> StateFuture<U> thenCompose(
      FunctionWithException<? super T, ? extends StateFuture<U>, ? extends Exception> action) {
    if (done) {
      return call(action, value); // completes when the inner future does, as the composed one would
    }
    StateFutureImpl<U> next = new StateFutureImpl<>();
    onComplete(v -> {
      StateFuture<U> inner = call(action, v);
      if (inner instanceof StateFutureImpl<U> impl) {
        impl.onComplete(new Forward<>(next));
      } else {
        inner.thenAccept(next::complete);
      }
    });
    return next;
  }

  @Override
  public <U, V> StateFuture<V> thenCombine(StateFuture<? extends U> other,
      BiFunctionWithException<? super T, ? super U, ? extends V, ? extends Exception> fn) {
    return thenCompose(t -> other.thenApply(u -> fn.apply(t, u)));
  }

  private static <A> void accept(ThrowingConsumer<? super A, ? extends Exception> action, A argument) {
    try {
      action.accept(argument);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateCallbackException(e);
    }
  }

  private static <A, R> R call(FunctionWithException<? super A, ? extends R, ? extends Exception> fn, A argument) {
    try {
      return fn.apply(argument);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new StateCallbackException(e);
    }
  }
}
