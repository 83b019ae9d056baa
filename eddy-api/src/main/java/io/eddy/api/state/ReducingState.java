package io.eddy.api.state;

/** Keeps one value per key, combining each added value with a {@link io.eddy.api.functions.ReduceFunction}. */
public interface ReducingState<T> extends AppendingState<T, T> {}
