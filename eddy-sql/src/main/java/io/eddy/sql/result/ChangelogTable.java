package io.eddy.sql.result;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A changelog folded into the table it describes (a multiset of rows): +I/+U add a copy,
 * -U/-D remove a copy of an equal row. A retraction of an absent row means an upstream bug and
 * fails, naming the row. Not thread-safe.
 */
public final class ChangelogTable {
  private final Map<Row, Integer> counts = new HashMap<>();
  private long changes;

  public void apply(Row change) {
    changes++;
    Row row = Row.copyWithKind(change, RowKind.INSERT);
    if (change.getKind().isRetract()) {
      Integer count = counts.get(row);
      if (count == null) {
        throw new IllegalStateException("change #" + changes + " " + change + " retracts a row that is not in the table");
      }
      if (count == 1) {
        counts.remove(row);
      } else {
        counts.put(row, count - 1);
      }
    } else {
      counts.merge(row, 1, Integer::sum);
    }
  }

  /** Every row as many times as it is present (insert rows, unordered). */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    counts.forEach((row, count) -> {
      for (int i = 0; i < count; i++) {
        rows.add(row);
      }
    });
    return rows;
  }
}
