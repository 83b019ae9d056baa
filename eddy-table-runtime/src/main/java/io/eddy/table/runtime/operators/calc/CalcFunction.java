package io.eddy.table.runtime.operators.calc;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.RowMemo;
import java.util.List;

/**
 * Filter then projection of each row, keeping its kind (Flink's Calc): a changelog row passes
 * when the condition is TRUE (NULL and FALSE drop it) and leaves as the projected values. The
 * expressions may share subexpressions through a {@link RowMemo}, reset here for every row.
 * Stateless across rows, so it fits both the streaming and the batch-incremental modes as is.
 */
public final class CalcFunction implements FlatMapFunction<Row, Row>, ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final RowExpression condition;
  private final RowExpression[] projections;
  /** Per projection: the input field it copies ({@link RowExpression.Field}), read without a call, or -1. */
  private final int[] copied;
  private final RowMemo memo;

  /** {@code condition} may be null (no filter); {@code memo} null when the expressions share none. */
  public CalcFunction(RowExpression condition, List<RowExpression> projections, RowMemo memo) {
    this.condition = condition;
    this.projections = projections.toArray(RowExpression[]::new);
    this.copied = new int[this.projections.length];
    for (int i = 0; i < copied.length; i++) {
      copied[i] = this.projections[i] instanceof RowExpression.Field f ? f.index() : -1;
    }
    this.memo = memo;
  }

  @Override
  public void flatMap(Row row, Collector<Row> out) {
    Row result = apply(row);
    if (result != null) {
      out.collect(result);
    }
  }

  /** The output row for {@code row}, or null when the condition drops it. */
  public Row apply(Row row) {
    if (memo != null) {
      memo.reset();
    }
    if (condition != null && !Boolean.TRUE.equals(condition.eval(row))) {
      return null;
    }
    Object[] values = new Object[projections.length];
    for (int i = 0; i < values.length; i++) {
      int field = copied[i];
      values[i] = field >= 0 ? row.getField(field) : projections[i].eval(row);
    }
    return Row.wrap(row.getKind(), values);
  }
}
