package io.eddy.api.functions;

/**
 * Incremental aggregation through an accumulator: {@code add} folds one input in, {@code merge}
 * combines two accumulators (session windows merge), {@code getResult} reads the output.
 * Implementations may mutate and return the accumulator they are given.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  ACC createAccumulator();

  ACC add(IN value, ACC accumulator);

  OUT getResult(ACC accumulator);

  ACC merge(ACC a, ACC b);
}
