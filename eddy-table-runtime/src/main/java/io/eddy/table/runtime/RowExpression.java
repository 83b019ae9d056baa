package io.eddy.table.runtime;

import io.eddy.api.types.Row;
import java.io.Serializable;

/**
 * A compiled scalar expression over the fields of one row: a projection, a filter condition
 * (Boolean; null counts as false) or a key. Built by the SQL planner from its expression trees;
 * operators receive them as immutable parts of their specs. Implementations are stateless,
 * or keep only per-copy caches (a compiled regex), and are shipped to subtasks by serialization.
 */
@FunctionalInterface
public interface RowExpression extends Serializable {
  /** The value for this row: a Java value of the expression's type, or null. */
  Object eval(Row row);

  /** The expression that is field {@code index} of the row as it is (operators may read it directly). */
  static RowExpression field(int index) {
    return new Field(index);
  }

  /** Field {@code index} of the row, as it is. */
  record Field(int index) implements RowExpression {
    @Override
    public Object eval(Row row) {
      return row.getField(index);
    }
  }
}
