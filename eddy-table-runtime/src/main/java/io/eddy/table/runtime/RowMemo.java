package io.eddy.table.runtime;

import io.eddy.api.types.Row;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The values of an operator's shared subexpressions for the row being evaluated (Flink's code
 * generator reuses such terms within one Calc): an expression that occurs several times in a
 * Calc's condition and projections (q21's {@code REGEXP_EXTRACT(url, ...)} in both) is evaluated
 * at most once per row, and only when something asks for it, so a CASE branch not taken still
 * evaluates nothing. The owner calls {@link #reset()} before each row; the values are never
 * shared across rows, whatever the rows' identity. Not thread-safe: one per operator copy
 * (its expressions and its owner are serialized together, so they keep sharing it).
 */
public final class RowMemo implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int size;
  private transient Object[] values;
  private transient boolean[] known;

  /** A memo of {@code size} slots. */
  public RowMemo(int size) {
    this.size = size;
  }

  /** Forgets the previous row's values. */
  public void reset() {
    if (known != null) {
      Arrays.fill(known, false);
    }
  }

  /** {@code expression}, evaluated at most once per row into {@code slot}. */
  public RowExpression memoized(int slot, RowExpression expression) {
    if (slot < 0 || slot >= size) {
      throw new IllegalArgumentException("slot " + slot + " of a memo of " + size);
    }
    return row -> value(slot, expression, row);
  }

  private Object value(int slot, RowExpression expression, Row row) {
    if (known == null) {
      values = new Object[size];
      known = new boolean[size];
    }
    if (!known[slot]) {
      values[slot] = expression.eval(row);
      known[slot] = true;
    }
    return values[slot];
  }
}
