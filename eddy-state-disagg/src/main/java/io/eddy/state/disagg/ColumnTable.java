package io.eddy.state.disagg;

import io.eddy.state.bytes.ColumnOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of one store part and the two-byte ids that stand for them in its keys
 * ({@link ColumnKeys}). Ids are allocated in creation order and never reused. A checkpoint
 * records the table ({@link StoreHandle}), so a restore maps names to the same ids; two parts
 * (restored from two old subtasks) may number the same column differently.
 *
 * <p>Not thread-safe: changed on the task thread only.
 */
final class ColumnTable {
  /** One column: its name, id and how it is maintained. */
  record Column(String name, int id, ColumnOptions options) {}

  private final Map<String, Column> byName = new LinkedHashMap<>();
  private int nextId = 1;

  ColumnTable(List<Column> columns) {
    for (Column c : columns) {
      byName.put(c.name(), c);
      nextId = Math.max(nextId, c.id() + 1);
    }
  }

  /** The column of that name, created if new; its options are replaced by {@code options}. */
  Column column(String name, ColumnOptions options) {
    Column old = byName.get(name);
    if (old != null && old.options().equals(options)) {
      return old;
    }
    int id = old != null ? old.id() : allocateId(name);
    Column c = new Column(name, id, options);
    byName.put(name, c);
    return c;
  }

  private int allocateId(String name) {
    if (nextId > ColumnKeys.MAX_COLUMN_ID) {
      throw new IllegalStateException("too many columns (" + ColumnKeys.MAX_COLUMN_ID + ") for '" + name + "'");
    }
    return nextId++;
  }

  /** Every column, in creation order. */
  List<Column> columns() {
    return new ArrayList<>(byName.values());
  }
}
