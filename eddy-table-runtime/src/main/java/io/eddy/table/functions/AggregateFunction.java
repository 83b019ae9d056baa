package io.eddy.table.functions;

/**
 * A user aggregate function mapping the rows of a group to one value (Flink's AggregateFunction),
 * registered with {@code CREATE FUNCTION name AS 'class.Name'} and called as {@code name(args)}
 * in a GROUP BY, window or OVER aggregation. The result's SQL type is the class's type argument
 * {@code T} (see {@link JavaTypes}), or {@link FunctionHint#output()} on the class.
 *
 * @param <T> the type of the function's result
 * @param <ACC> the type of the accumulator
 */
public abstract class AggregateFunction<T, ACC> extends ImperativeAggregateFunction<T, ACC> {
  private static final long serialVersionUID = 1L;

  /** The result for the accumulated rows; called whenever the group's result is needed. */
  public abstract T getValue(ACC accumulator);
}
