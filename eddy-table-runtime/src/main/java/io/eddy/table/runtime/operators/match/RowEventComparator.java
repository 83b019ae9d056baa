package io.eddy.table.runtime.operators.match;

import io.eddy.api.types.Row;
import io.eddy.cep.EventComparator;
import io.eddy.table.runtime.operators.rank.SortSpec;

/** Orders rows of equal rowtime by the further ORDER BY fields of MATCH_RECOGNIZE (Flink's RowDataEventComparator). */
public record RowEventComparator(SortSpec order) implements EventComparator<Row> {
  @Override
  public int compare(Row a, Row b) {
    return order.keyComparator().compare(order.key(a), order.key(b));
  }
}
