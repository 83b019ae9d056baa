package io.eddy.api.state.v2;

/** Values added are folded into one with the descriptor's reduce function. */
public interface ReducingState<T> extends MergingState<T, T> {}
