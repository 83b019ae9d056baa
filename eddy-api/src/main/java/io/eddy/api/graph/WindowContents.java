package io.eddy.api.graph;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.ReduceFunction;
import java.io.Serializable;

/** How a window keeps its elements until it fires. */
public sealed interface WindowContents extends Serializable {
  /** Every element, for a window function that needs them all. */
  record AllElements() implements WindowContents {}

  /** One value, combined as elements arrive. */
  record Reduced(ReduceFunction<?> reduceFunction) implements WindowContents {}

  /** One accumulator, folded as elements arrive; the window function sees getResult(acc). */
  record Aggregated(AggregateFunction<?, ?, ?> aggregateFunction) implements WindowContents {}
}
