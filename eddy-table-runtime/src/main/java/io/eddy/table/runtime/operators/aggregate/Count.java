package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;

/** COUNT(*) and COUNT(x) (NULLs are filtered before): a BIGINT that is never NULL. */
public final class Count implements RowAggregator {
  private static final long serialVersionUID = 1L;

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, 0L);
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    acc.setField(offset, (Long) acc.getField(offset) + 1);
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    acc.setField(offset, (Long) acc.getField(offset) - 1);
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    acc.setField(offset, (Long) acc.getField(offset) + (Long) other.getField(offset));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    return acc.getField(offset);
  }
}
