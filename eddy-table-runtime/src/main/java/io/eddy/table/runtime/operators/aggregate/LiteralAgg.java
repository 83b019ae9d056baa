package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;

/**
 * Calcite's LITERAL_AGG: the same constant for every group that has a row, which the planner's
 * rewrite of {@code NOT IN (subquery)} uses to mark the keys the subquery returned. Keeps no
 * accumulator.
 */
public final class LiteralAgg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final Object value;

  public LiteralAgg(Object value) {
    this.value = value;
  }

  @Override
  public int slots() {
    return 0;
  }

  @Override
  public void init(Row acc, int offset) {}

  @Override
  public void accumulate(Row acc, int offset, Object ignored) {}

  @Override
  public void retract(Row acc, int offset, Object ignored) {}

  @Override
  public void merge(Row acc, Row other, int offset) {}

  @Override
  public Object getValue(Row acc, int offset) {
    return value;
  }
}
