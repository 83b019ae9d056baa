package io.eddy.table.runtime.operators;

import io.eddy.api.functions.KeySelector;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;

/**
 * The key of a row: an insert row of the fields at the given positions (an empty row for a
 * global aggregation, so every row goes to one key). Keys compare and hash by field values,
 * stably across JVMs, so they partition and restore consistently.
 */
public final class RowKeySelector implements KeySelector<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final int[] fields;

  public RowKeySelector(int[] fields) {
    this.fields = fields.clone();
  }

  @Override
  public Row getKey(Row row) {
    Object[] key = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      key[i] = row.getField(fields[i]);
    }
    return Row.wrap(RowKind.INSERT, key);
  }

  public int[] fields() {
    return fields.clone();
  }
}
