package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * LISTAGG(expr [, separator]): the group's non-NULL strings in arrival order joined by the
 * separator (',' by default), NULL for an empty group. The slot holds the present strings
 * ({@code ArrayList}); a retraction removes the earliest copy of its string and is ignored if
 * there is none (Flink's ListAggWithRetractAggFunction, whose list of unmatched retractions only
 * matters when accumulators merge, which a group aggregation never does).
 */
public final class ListAgg implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final String separator;

  public ListAgg(String separator) {
    this.separator = separator;
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, new ArrayList<String>());
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    values(acc, offset).add(value.toString());
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    values(acc, offset).remove(value.toString());
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    values(acc, offset).addAll(values(other, offset));
  }

  @Override
  public Object getValue(Row acc, int offset) {
    List<String> values = values(acc, offset);
    return values.isEmpty() ? null : String.join(separator, values);
  }

  @SuppressWarnings("unchecked")
  private static List<String> values(Row acc, int offset) {
    return (List<String>) acc.getField(offset);
  }
}
