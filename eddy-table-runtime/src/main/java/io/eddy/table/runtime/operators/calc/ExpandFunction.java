package io.eddy.table.runtime.operators.calc;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.types.Row;

/**
 * Flink's Expand, under an aggregation by GROUPING SETS, ROLLUP or CUBE: every row leaves once
 * per grouping set, with the grouping fields outside that set set to NULL and the set's expand
 * id appended, keeping its kind (so retractions are expanded alike). Stateless.
 */
public final class ExpandFunction implements FlatMapFunction<Row, Row>, ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final int[][] nulledFields;
  private final long[] expandIds;

  /** Grouping set i nulls {@code nulledFields[i]} and is marked by {@code expandIds[i]}. */
  public ExpandFunction(int[][] nulledFields, long[] expandIds) {
    if (nulledFields.length != expandIds.length) {
      throw new IllegalArgumentException(nulledFields.length + " grouping sets but " + expandIds.length + " ids");
    }
    this.nulledFields = nulledFields.clone();
    this.expandIds = expandIds.clone();
  }

  @Override
  public void flatMap(Row row, Collector<Row> out) {
    int arity = row.getArity();
    for (int set = 0; set < expandIds.length; set++) {
      Object[] values = new Object[arity + 1];
      for (int i = 0; i < arity; i++) {
        values[i] = row.getField(i);
      }
      for (int field : nulledFields[set]) {
        values[field] = null;
      }
      values[arity] = expandIds[set];
      out.collect(Row.wrap(row.getKind(), values));
    }
  }
}
