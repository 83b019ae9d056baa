package io.eddy.table.runtime.operators.aggregate;

import java.io.Serializable;

/**
 * One aggregate of a query: the function, the input fields of its arguments (none for
 * {@code COUNT(*)}) and the BOOLEAN input field of its {@code FILTER (WHERE ...)} clause
 * ({@code -1} for none). Built-in aggregates take at most one argument field (constant
 * arguments such as LISTAGG's separator are part of the aggregator); user aggregate functions
 * take any number. The name is for EXPLAIN. Immutable.
 */
public record AggregateCall(String name, RowAggregator aggregator, int[] arguments, int filter)
    implements Serializable {
  public AggregateCall {
    arguments = arguments.clone();
    if (aggregator.skipsNullArguments() && arguments.length > 1) {
      throw new IllegalArgumentException(name + ": a built-in aggregate takes at most one argument field");
    }
  }

  /** An aggregate of one argument field ({@code -1} for none, as COUNT(*)). */
  public AggregateCall(String name, RowAggregator aggregator, int argument, int filter) {
    this(name, aggregator, argument < 0 ? new int[0] : new int[] {argument}, filter);
  }

  @Override
  public int[] arguments() {
    return arguments.clone();
  }
}
