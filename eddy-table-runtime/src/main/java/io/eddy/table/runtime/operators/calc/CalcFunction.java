package io.eddy.table.runtime.operators.calc;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import java.util.List;

/**
 * Filter then projection of each row, keeping its kind (Flink's Calc): a changelog row passes
 * when the condition is TRUE (NULL and FALSE drop it) and leaves as the projected values. Stateless,
 * so it fits both the streaming and the batch-incremental modes as is.
 */
public final class CalcFunction implements FlatMapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowExpression condition;
  private final RowExpression[] projections;

  /** {@code condition} may be null (no filter). */
  public CalcFunction(RowExpression condition, List<RowExpression> projections) {
    this.condition = condition;
    this.projections = projections.toArray(RowExpression[]::new);
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
    if (condition != null && !Boolean.TRUE.equals(condition.eval(row))) {
      return null;
    }
    Object[] values = new Object[projections.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = projections[i].eval(row);
    }
    return Row.wrap(row.getKind(), values);
  }
}
