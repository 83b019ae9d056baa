package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * The DISTINCT form of an aggregate (COUNT(DISTINCT x), SUM(DISTINCT x)): a value reaches the
 * inner aggregate when its first copy arrives and leaves it when its last copy is retracted.
 * Slot 0 counts the copies of each value ({@code HashMap<value, count>}); the inner aggregate's
 * slots follow.
 */
public final class Distinct implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final RowAggregator inner;

  public Distinct(RowAggregator inner) {
    this.inner = inner;
  }

  @Override
  public int slots() {
    return 1 + inner.slots();
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, new HashMap<Object, Long>());
    inner.init(acc, offset + 1);
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    if (counts(acc, offset).merge(value, 1L, Long::sum) == 1L) {
      inner.accumulate(acc, offset + 1, value);
    }
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    Map<Object, Long> counts = counts(acc, offset);
    Long count = counts.get(value);
    if (count == null) {
      return;
    }
    if (count > 1) {
      counts.put(value, count - 1);
    } else {
      counts.remove(value);
      inner.retract(acc, offset + 1, value);
    }
  }

  /** Values new to {@code acc} reach its inner aggregate, in {@code other}'s order. */
  @Override
  public void merge(Row acc, Row other, int offset) {
    Map<Object, Long> counts = counts(acc, offset);
    counts(other, offset).forEach((value, count) -> {
      if (counts.merge(value, count, Long::sum).equals(count)) {
        inner.accumulate(acc, offset + 1, value);
      }
    });
  }

  @Override
  public Object getValue(Row acc, int offset) {
    return inner.getValue(acc, offset + 1);
  }

  @Override
  public boolean supportsMerge() {
    return inner.supportsMerge();
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Long> counts(Row acc, int offset) {
    return (Map<Object, Long>) acc.getField(offset);
  }
}
