package io.eddy.api.util.function;

/** A two-argument function that may throw a checked exception. */
@FunctionalInterface
public interface BiFunctionWithException<T, U, R, E extends Throwable> {
  R apply(T t, U u) throws E;
}
