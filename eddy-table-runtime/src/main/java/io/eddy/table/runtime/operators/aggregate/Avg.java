package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import io.eddy.table.types.LogicalType;

/**
 * AVG with Flink's result types: the sum is kept in the argument's type widened as Flink does
 * (integers as BIGINT, DECIMAL as DECIMAL), the result truncated to the result type (AVG of
 * BIGINT is BIGINT). NULL for an empty group. Slots: sum, count.
 */
public final class Avg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final LogicalType resultType;
  private final LogicalType.Root sumRoot;

  public Avg(LogicalType argumentType, LogicalType resultType) {
    this.resultType = resultType;
    this.sumRoot = switch (argumentType.root()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> LogicalType.Root.BIGINT;
      case FLOAT, DOUBLE -> LogicalType.Root.DOUBLE;
      case DECIMAL -> LogicalType.Root.DECIMAL;
      default -> throw new IllegalArgumentException("AVG of " + argumentType + " is not supported");
    };
  }

  @Override
  public int slots() {
    return 2;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, Numbers.zero(sumRoot));
    acc.setField(offset + 1, 0L);
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    acc.setField(offset, Numbers.add(sumRoot, acc.getField(offset), value));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) + 1);
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    acc.setField(offset, Numbers.subtract(sumRoot, acc.getField(offset), value));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) - 1);
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    acc.setField(offset, Numbers.add(sumRoot, acc.getField(offset), other.getField(offset)));
    acc.setField(offset + 1, (Long) acc.getField(offset + 1) + (Long) other.getField(offset + 1));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    long count = (Long) acc.getField(offset + 1);
    return count == 0 ? null : Numbers.divide(resultType, acc.getField(offset), count);
  }
}
