package io.eddy.state.disagg;

import io.eddy.state.bytes.ColumnOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The column names of one store part and the two-byte ids that stand for them in its keys
 * ({@link ColumnKeys}). Ids are allocated in creation order and never reused. A checkpoint
 * records the table ({@link StoreHandle}), so a restore maps names to the same ids; two parts
 * (restored from two old subtasks) may number the same column differently.
 *
 * <p>The table also knows which columns were ever written in the part's tree (or the trees it
 * was restored from): a scan of a column never written reads nothing. Such scans are common (the
 * timers of an operator that sets none are loaded at its first record) and cost most on a cold
 * store, where the columns of every key group interleave: seeking to an empty column in each key
 * group opened every file of the tree, so a restored job read in proportion to its state before
 * its first record.
 *
 * <p>Not thread-safe, except {@link #written}: changed on the task thread only.
 */
final class ColumnTable {
  /** One column: its name, id, how it is maintained, and whether it was ever written. */
  record Column(String name, int id, ColumnOptions options, boolean written) {}

  private final Map<String, Column> byName = new LinkedHashMap<>();
  private final Set<Integer> written = ConcurrentHashMap.newKeySet();
  private int nextId = 1;

  ColumnTable(List<Column> columns) {
    for (Column c : columns) {
      byName.put(c.name(), c);
      nextId = Math.max(nextId, c.id() + 1);
      if (c.written()) {
        written.add(c.id());
      }
    }
  }

  /** Notes that the column is about to be written: REQUIRES a call before its first write reaches the tree. */
  void markWritten(int id) {
    written.add(id);
  }

  /** Whether the tree may hold entries of the column; thread-safe. */
  boolean written(int id) {
    return written.contains(id);
  }

  /** The column of that name, created if new; its options are replaced by {@code options}. */
  Column column(String name, ColumnOptions options) {
    Column old = byName.get(name);
    if (old != null && old.options().equals(options)) {
      return old;
    }
    int id = old != null ? old.id() : allocateId(name);
    Column c = new Column(name, id, options, false);
    byName.put(name, c);
    return c;
  }

  private int allocateId(String name) {
    if (nextId > ColumnKeys.MAX_COLUMN_ID) {
      throw new IllegalStateException("too many columns (" + ColumnKeys.MAX_COLUMN_ID + ") for '" + name + "'");
    }
    return nextId++;
  }

  /** Every column, in creation order, each marked written as of now. */
  List<Column> columns() {
    List<Column> out = new ArrayList<>();
    for (Column c : byName.values()) {
      out.add(new Column(c.name(), c.id(), c.options(), written(c.id())));
    }
    return out;
  }
}
