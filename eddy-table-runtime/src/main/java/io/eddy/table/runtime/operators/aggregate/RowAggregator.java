package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import java.io.Serializable;

/**
 * One SQL aggregate function over an accumulator kept in slots of a shared accumulator row
 * (Flink's AggsHandleFunction, split per function): {@code offset} is the first of its
 * {@link #slots()} slots. {@link #accumulate} and {@link #retract} get non-null argument values
 * except for {@code COUNT(*)}, whose argument is ignored; NULL arguments never reach an
 * aggregator (SQL aggregates skip them), {@link Accumulators} filters them. An aggregator that
 * does not {@link #skipsNullArguments()} (a user aggregate function) gets instead the values of
 * all its argument fields as an {@code Object[]}, NULLs included. Slot values are
 * immutable values or mutable containers owned by this accumulator; the accumulator row is what
 * keyed state stores. Stateless itself.
 */
public interface RowAggregator extends Serializable {
  int slots();

  /** Writes the empty accumulator into its slots. */
  void init(Row acc, int offset);

  void accumulate(Row acc, int offset, Object value);

  /** Removes one earlier accumulated value (REQUIRES {@link #supportsRetraction()}). */
  void retract(Row acc, int offset, Object value);

  /**
   * Folds {@code other}, an accumulator of the same aggregate at the same offset, into
   * {@code acc} (Flink's merge, for merging session windows): afterwards {@code acc} holds the
   * aggregate of both groups' rows, {@code other}'s rows ordered after {@code acc}'s where order
   * matters. {@code other} is not used again. REQUIRES {@link #supportsMerge()}.
   */
  void merge(Row acc, Row other, int offset);

  /** The aggregate's value now (an immutable value, or null). */
  Object getValue(Row acc, int offset);

  default boolean supportsRetraction() {
    return true;
  }

  default boolean supportsMerge() {
    return true;
  }

  /** True for SQL's built-in aggregates, which take one argument value and ignore NULLs. */
  default boolean skipsNullArguments() {
    return true;
  }
}
