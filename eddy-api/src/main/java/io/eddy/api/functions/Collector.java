package io.eddy.api.functions;

/** Receives the records a function emits. Records handed over must not be mutated afterwards. */
public interface Collector<T> {
  void collect(T record);
}
