package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * FIRST_VALUE or LAST_VALUE of a group: the first or last non-NULL value in arrival order. Over an
 * insert-only input one slot holds that value. With retraction (Flink's
 * First/LastValueWithRetractAggFunction) the slot holds every present value in arrival order
 * ({@code ArrayList}); a retraction removes the earliest copy of its value, and the aggregate
 * is the list's first or last element. Flink orders values by their arrival's wall-clock
 * millisecond and, within one millisecond, by arrival; here arrival alone orders them, which is
 * Flink's answer whenever its clock does not split the values and is independent of the
 * machine's speed. NULL for an empty group.
 */
public final class FirstLastValue implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final boolean last;
  private final boolean withRetraction;

  public FirstLastValue(boolean last, boolean withRetraction) {
    this.last = last;
    this.withRetraction = withRetraction;
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, withRetraction ? new ArrayList<>() : null);
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    if (withRetraction) {
      values(acc, offset).add(value);
    } else if (last || acc.getField(offset) == null) {
      acc.setField(offset, value);
    }
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    if (!withRetraction) {
      throw new IllegalStateException(name() + " was planned for an insert-only input but got a retraction");
    }
    values(acc, offset).remove(value);
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    if (withRetraction) {
      values(acc, offset).addAll(values(other, offset));
    } else if (other.getField(offset) != null && (last || acc.getField(offset) == null)) {
      acc.setField(offset, other.getField(offset));
    }
  }

  @Override
  public Object getValue(Row acc, int offset) {
    if (!withRetraction) {
      return acc.getField(offset);
    }
    List<Object> values = values(acc, offset);
    return values.isEmpty() ? null : values.get(last ? values.size() - 1 : 0);
  }

  @Override
  public boolean supportsRetraction() {
    return withRetraction;
  }

  private String name() {
    return last ? "LAST_VALUE" : "FIRST_VALUE";
  }

  @SuppressWarnings("unchecked")
  private static List<Object> values(Row acc, int offset) {
    return (List<Object>) acc.getField(offset);
  }
}
