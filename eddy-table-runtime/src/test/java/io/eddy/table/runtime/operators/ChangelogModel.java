package io.eddy.table.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test model of a changelog's meaning: applies it to a multiset of rows, checking each retraction removes a present row. */
public final class ChangelogModel {
  private ChangelogModel() {}

  public static Map<Row, Integer> apply(List<Row> changelog) {
    Map<Row, Integer> table = new HashMap<>();
    for (Row change : changelog) {
      Row row = Row.copyWithKind(change, RowKind.INSERT);
      if (change.getKind().isRetract()) {
        assertThat(table.get(row)).as("retracted row %s is present", change).isNotNull();
        table.merge(row, -1, (a, b) -> a + b == 0 ? null : a + b);
      } else {
        table.merge(row, 1, Integer::sum);
      }
    }
    return table;
  }

  public static Map<Row, Integer> of(List<Row> rows) {
    Map<Row, Integer> table = new HashMap<>();
    for (Row row : rows) {
      table.merge(Row.copyWithKind(row, RowKind.INSERT), 1, Integer::sum);
    }
    return table;
  }
}
