package io.eddy.table.functions;

/**
 * Base of the user functions that fold rows into an accumulator (Flink's
 * ImperativeAggregateFunction): the subclass creates the accumulator, and declares public
 * methods {@code accumulate(ACC acc, args...)} and optionally {@code retract(ACC acc, args...)}
 * (needed where the input updates), {@code merge(ACC acc, Iterable<ACC> others)} and
 * {@code resetAccumulator(ACC acc)}, resolved by the call's argument types as
 * {@link ScalarFunction}'s {@code eval}. The accumulator is stored in state: a POJO (public
 * fields or getters and setters, a no-argument constructor), a record, a collection or a
 * Serializable class.
 *
 * @param <T> the type of the function's result
 * @param <ACC> the type of the accumulator
 */
public abstract class ImperativeAggregateFunction<T, ACC> extends UserDefinedFunction {
  private static final long serialVersionUID = 1L;

  /** A new, empty accumulator for a group. */
  public abstract ACC createAccumulator();
}
