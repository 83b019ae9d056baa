package io.eddy.table.runtime.operators.join.lookup;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFlatMapFunction;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.join.JoinedRows;

/**
 * The lookup join (Flink's {@code LookupJoinRunner}): for each probe row, the lookup key is
 * computed from it (probe fields, expressions of them, or constants), the {@link LookupFunction}
 * fetches the table's rows for that key, and each fetched row that satisfies the remaining join
 * condition (over the probe row followed by the table row) is emitted joined to the probe row,
 * with the probe row's kind, so an updating probe side stays an updating output. An inner join
 * emits nothing for a row without matches, a left outer join the row padded with NULLs. A NULL in
 * the key matches nothing (no lookup is made). No keyed or operator state: the table is read as
 * it is when each row arrives, so checkpoints and restores carry nothing for it.
 */
public final class LookupJoinFunction extends RichFlatMapFunction<Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final LookupFunction lookup;
  private final RowExpression[] keys;
  private final RowExpression condition;
  private final boolean leftOuter;
  private final JoinedRows joined;

  /**
   * @param keys the lookup key's values, in the order {@code lookup} expects, over the probe row
   * @param condition what a fetched row must also satisfy over the joined row; null for nothing
   */
  public LookupJoinFunction(LookupFunction lookup, RowExpression[] keys, RowExpression condition, boolean leftOuter,
      int probeArity, int tableArity) {
    this.lookup = lookup;
    this.keys = keys.clone();
    this.condition = condition;
    this.leftOuter = leftOuter;
    this.joined = new JoinedRows(probeArity, tableArity);
  }

  @Override
  public void open(OpenContext context) throws Exception {
    lookup.open();
  }

  @Override
  public void flatMap(Row probe, Collector<Row> out) throws Exception {
    boolean matched = false;
    Row key = key(probe);
    if (key != null) {
      for (Row row : lookup.lookup(key)) {
        Row result = JoinedRows.concat(probe.getKind(), probe, row);
        if (condition == null || Boolean.TRUE.equals(condition.eval(result))) {
          out.collect(result);
          matched = true;
        }
      }
    }
    if (!matched && leftOuter) {
      out.collect(joined.padded(probe.getKind(), probe, true));
    }
  }

  /** The key of {@code probe}, or null when a part of it is NULL. */
  private Row key(Row probe) {
    Row key = new Row(keys.length);
    for (int i = 0; i < keys.length; i++) {
      Object value = keys[i].eval(probe);
      if (value == null) {
        return null;
      }
      key.setField(i, value);
    }
    return key;
  }

  @Override
  public void close() throws Exception {
    lookup.close();
  }
}
