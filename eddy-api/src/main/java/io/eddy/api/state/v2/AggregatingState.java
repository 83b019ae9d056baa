package io.eddy.api.state.v2;

/** Values added are folded into an accumulator with the descriptor's aggregate function. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
