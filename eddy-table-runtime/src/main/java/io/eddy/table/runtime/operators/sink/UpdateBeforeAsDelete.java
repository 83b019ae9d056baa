package io.eddy.table.runtime.operators.sink;

import io.eddy.api.functions.MapFunction;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;

/**
 * In front of an upsert sink (one that takes {@code [I,UA,D]}) whose input the planner could not
 * free of {@code -U} rows: each {@code -U} becomes the {@code -D} of its row. Dropping it instead
 * is wrong when the matching {@code +U} never comes (a filter let the old version through and not
 * the new one) or carries another primary key: the sink would keep the stale row. An {@code -U}
 * that is followed by its {@code +U} under the same key becomes a delete and an upsert, which
 * leave the same row. Flink hands such {@code -U} rows to the connector, and its upsert
 * connectors (JDBC, upsert-kafka) apply them as deletes; Eddy does it once, here, so a sink only
 * sees the kinds it declared.
 */
public final class UpdateBeforeAsDelete implements MapFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  @Override
  public Row map(Row row) {
    return row.getKind() == RowKind.UPDATE_BEFORE ? Row.copyWithKind(row, RowKind.DELETE) : row;
  }
}
