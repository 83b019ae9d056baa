package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import java.util.HashMap;
import java.util.Map;

/**
 * MIN or MAX. Over an insert-only input one slot holds the extreme value. With retraction the
 * second slot counts every value present ({@code HashMap<value, count>}, Flink's MinWithRetract
 * keeps the same in a map view); retracting the extreme rescans the counts. NULL for an empty
 * group. Values compare by their natural order (all SQL scalar types' Java values do).
 */
public final class MinMax implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final boolean max;
  private final boolean withRetraction;

  public MinMax(boolean max, boolean withRetraction) {
    this.max = max;
    this.withRetraction = withRetraction;
  }

  @Override
  public int slots() {
    return withRetraction ? 2 : 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, null);
    if (withRetraction) {
      acc.setField(offset + 1, new HashMap<Object, Long>());
    }
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    Object current = acc.getField(offset);
    if (current == null || better(value, current)) {
      acc.setField(offset, value);
    }
    if (withRetraction) {
      counts(acc, offset).merge(value, 1L, Long::sum);
    }
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    if (!withRetraction) {
      throw new IllegalStateException((max ? "MAX" : "MIN") + " was planned for an insert-only input but got a retraction");
    }
    Map<Object, Long> counts = counts(acc, offset);
    Long count = counts.get(value);
    if (count == null) {
      return;
    }
    if (count > 1) {
      counts.put(value, count - 1);
      return;
    }
    counts.remove(value);
    if (value.equals(acc.getField(offset))) {
      Object extreme = null;
      for (Object v : counts.keySet()) {
        if (extreme == null || better(v, extreme)) {
          extreme = v;
        }
      }
      acc.setField(offset, extreme);
    }
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    Object extreme = other.getField(offset);
    Object current = acc.getField(offset);
    if (extreme != null && (current == null || better(extreme, current))) {
      acc.setField(offset, extreme);
    }
    if (withRetraction) {
      Map<Object, Long> counts = counts(acc, offset);
      counts(other, offset).forEach((value, count) -> counts.merge(value, count, Long::sum));
    }
  }

  @Override
  public Object getValue(Row acc, int offset) {
    return acc.getField(offset);
  }

  @Override
  public boolean supportsRetraction() {
    return withRetraction;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean better(Object candidate, Object current) {
    int c = ((Comparable) candidate).compareTo(current);
    return max ? c > 0 : c < 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Long> counts(Row acc, int offset) {
    return (Map<Object, Long>) acc.getField(offset + 1);
  }
}
