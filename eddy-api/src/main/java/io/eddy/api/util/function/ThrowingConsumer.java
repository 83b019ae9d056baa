package io.eddy.api.util.function;

/** A consumer that may throw a checked exception. */
@FunctionalInterface
public interface ThrowingConsumer<T, E extends Throwable> {
  void accept(T value) throws E;
}
