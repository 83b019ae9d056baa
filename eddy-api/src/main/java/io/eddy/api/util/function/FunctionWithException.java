package io.eddy.api.util.function;

/** A function that may throw a checked exception (Flink's shape, for state future callbacks). */
@FunctionalInterface
public interface FunctionWithException<T, R, E extends Throwable> {
  R apply(T value) throws E;
}
