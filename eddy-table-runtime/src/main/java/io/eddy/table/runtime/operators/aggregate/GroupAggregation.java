package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.functions.Collector;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The changelog logic of a group aggregation without windows, apart from where the accumulator
 * lives, so the streaming operator ({@link GroupAggFunction}: one row at a time, keyed state) and
 * the batch-incremental mode (all changes of a key at once) share it.
 *
 * <p>Emits, per batch of changes to one group, as Flink's GroupAggFunction does per row: {@code +I}
 * for a new group, {@code -U} old / {@code +U} new when the result changed (the -U only if
 * {@code generateUpdateBefore}, i.e. some consumer needs it), nothing when it did not, and
 * {@code -D} old when the last row of the group was retracted. A retraction that reaches a group
 * with no state (its insert was before a state expiry) is ignored. Result rows are the key fields
 * followed by the aggregate values. Immutable.
 */
public final class GroupAggregation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Accumulators accumulators;
  private final boolean generateUpdateBefore;

  public GroupAggregation(Accumulators accumulators, boolean generateUpdateBefore) {
    this.accumulators = accumulators;
    this.generateUpdateBefore = generateUpdateBefore;
  }

  public Accumulators accumulators() {
    return accumulators;
  }

  /**
   * Applies {@code changes} to the group {@code key} whose accumulator is {@code acc} (null if
   * the group has none), emits the result's change, and returns the accumulator to keep (null
   * when the group is now empty). {@code acc} may be updated in place.
   */
  public Row apply(Row key, Row acc, Iterable<Row> changes, Collector<Row> out) {
    Object[] before = acc == null ? null : result(key, acc);
    Row current = acc;
    for (Row change : changes) {
      if (current == null) {
        if (change.getKind().isRetract()) {
          continue;
        }
        current = accumulators.create();
      }
      accumulators.apply(current, change);
      if (Accumulators.rowCount(current) <= 0) {
        current = null;
      }
    }
    if (current == null) {
      if (before != null) {
        out.collect(Row.wrap(RowKind.DELETE, before));
      }
      return null;
    }
    Object[] after = result(key, current);
    if (before == null) {
      out.collect(Row.wrap(RowKind.INSERT, after));
    } else if (!Arrays.deepEquals(before, after)) {
      if (generateUpdateBefore) {
        out.collect(Row.wrap(RowKind.UPDATE_BEFORE, before));
      }
      out.collect(Row.wrap(RowKind.UPDATE_AFTER, after));
    }
    return current;
  }

  private Object[] result(Row key, Row acc) {
    Object[] values = new Object[key.getArity() + accumulators.size()];
    for (int i = 0; i < key.getArity(); i++) {
      values[i] = key.getField(i);
    }
    accumulators.values(acc, values, key.getArity());
    return values;
  }
}
