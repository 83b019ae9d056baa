package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import io.eddy.table.types.LogicalType;

/**
 * SUM in the result type (Flink: SUM(INT) is INT, SUM(DECIMAL(p, s)) is DECIMAL(38, s)); NULL
 * when no non-NULL value is in the group. Slots: the sum, the count of values (so retracting
 * every value gives NULL again).
 */
public final class Sum implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final LogicalType.Root root;

  public Sum(LogicalType resultType) {
    this.root = resultType.root();
    Numbers.zero(root);
  }

  @Override
  public int slots() {
    return 2;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, Numbers.zero(root));
    acc.setField(offset + 1, 0L);
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    acc.setField(offset, Numbers.add(root, acc.getField(offset), value));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) + 1);
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    acc.setField(offset, Numbers.subtract(root, acc.getField(offset), value));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) - 1);
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    acc.setField(offset, Numbers.add(root, acc.getField(offset), other.getField(offset)));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) + (Long) other.getField(offset + 1));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    return (Long) acc.getField(offset + 1) == 0 ? null : acc.getField(offset);
  }
}
