package io.eddy.table.runtime.operators.join;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;

/**
 * The output rows of a join: a left and a right row concatenated, or one side's row padded with
 * NULLs for the other side's fields (an outer join's row without a match). Stateless.
 */
public final class JoinedRows implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int leftArity;
  private final int rightArity;

  public JoinedRows(int leftArity, int rightArity) {
    this.leftArity = leftArity;
    this.rightArity = rightArity;
  }

  public static Row concat(RowKind kind, Row left, Row right) {
    Object[] fields = new Object[left.getArity() + right.getArity()];
    for (int i = 0; i < left.getArity(); i++) {
      fields[i] = left.getField(i);
    }
    for (int i = 0; i < right.getArity(); i++) {
      fields[left.getArity() + i] = right.getField(i);
    }
    return Row.wrap(kind, fields);
  }

  /** {@code row} of the left (or right) side with NULLs for the other side's fields. */
  public Row padded(RowKind kind, Row row, boolean rowIsLeft) {
    Object[] fields = new Object[leftArity + rightArity];
    for (int i = 0; i < row.getArity(); i++) {
      fields[(rowIsLeft ? 0 : leftArity) + i] = row.getField(i);
    }
    return Row.wrap(kind, fields);
  }
}
