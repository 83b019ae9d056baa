package io.eddy.api.state;

/** Keeps an accumulator per key, folding added values with an {@link io.eddy.api.functions.AggregateFunction}. */
public interface AggregatingState<IN, OUT> extends AppendingState<IN, OUT> {}
