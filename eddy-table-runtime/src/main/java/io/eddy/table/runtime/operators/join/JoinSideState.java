package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The present rows of one side of a regular join for the current join key, in keyed state under
 * {@code table.exec.state.ttl} (Flink's JoinRecordStateView): each row with its number of copies
 * and its associations (how many rows of the other side it matches, kept for an outer side only).
 * The view follows the input ({@link JoinInputSpec}), as Flink's: a join key containing the
 * unique key means one row, in value state; a unique key, a map from it to the row; no unique key,
 * a map from the row to its counters. An insert-only input of a side that is not outer needs
 * neither lookups nor counters: its rows are appended to list state (not in Flink), and a
 * duplicate row is an entry of its own. Rows are stored as given (the join stores insert rows).
 */
abstract sealed class JoinSideState {
  /** A present row, its copies and its associations. */
  record Entry(Row row, int copies, int associations) {}

  /** A row with its associations, as the unique-key views store it. */
  record StoredRow(Row row, int associations) {}

  static JoinSideState create(JoinInputSpec spec, boolean outer, RuntimeContext context, String name, Duration ttl) {
    if (spec.insertOnly() && !outer) {
      return new InsertOnlyRows(context.getListState(
          StateTtl.apply(new ListStateDescriptor<>(name, TypeSerializers.<Row>generic()), ttl)));
    }
    if (spec.joinKeyContainsUniqueKey()) {
      return new OneRow(context.getState(
          StateTtl.apply(new ValueStateDescriptor<>(name, TypeSerializers.<StoredRow>generic()), ttl)));
    }
    if (spec.uniqueKey() != null) {
      return new ByUniqueKey(new RowKeySelector(spec.uniqueKey()), context.getMapState(StateTtl.apply(
          new MapStateDescriptor<>(name, TypeSerializers.<Row>generic(), TypeSerializers.<StoredRow>generic()), ttl)));
    }
    return new RowCounts(context.getMapState(StateTtl.apply(
        new MapStateDescriptor<>(name, TypeSerializers.<Row>generic(), TypeSerializers.<int[]>generic()), ttl)));
  }

  abstract Iterable<Entry> entries() throws Exception;

  /** Adds a copy of {@code row}; the row's associations become {@code associations}. */
  abstract void add(Row row, int associations) throws Exception;

  /**
   * Removes a copy of {@code row} (the remaining copies get {@code associations}); returns the
   * row's entry before, or null if it is not present (its state expired).
   */
  abstract Entry retract(Row row, int associations) throws Exception;

  /** Sets the associations of a present row (REQUIRES an outer side). */
  abstract void setAssociations(Entry entry, int associations) throws Exception;

  /** Rows of an insert-only input of an inner side, appended. */
  private static final class InsertOnlyRows extends JoinSideState {
    private final ListState<Row> rows;

    InsertOnlyRows(ListState<Row> rows) {
      this.rows = rows;
    }

    @Override
    Iterable<Entry> entries() throws Exception {
      List<Entry> entries = new ArrayList<>();
      for (Row row : rows.get()) {
        entries.add(new Entry(row, 1, 0));
      }
      return entries;
    }

    @Override
    void add(Row row, int associations) throws Exception {
      rows.add(row);
    }

    @Override
    Entry retract(Row row, int associations) {
      throw new IllegalStateException("A join input planned as insert-only got a retraction: " + row);
    }

    @Override
    void setAssociations(Entry entry, int associations) {
      throw new IllegalStateException("An inner side of a join keeps no associations");
    }
  }

  /** Rows without unique key: row -> {copies, associations}. */
  private static final class RowCounts extends JoinSideState {
    private final MapState<Row, int[]> counts;

    RowCounts(MapState<Row, int[]> counts) {
      this.counts = counts;
    }

    @Override
    Iterable<Entry> entries() throws Exception {
      List<Entry> entries = new ArrayList<>();
      for (Map.Entry<Row, int[]> e : counts.entries()) {
        entries.add(new Entry(e.getKey(), e.getValue()[0], e.getValue()[1]));
      }
      return entries;
    }

    @Override
    void add(Row row, int associations) throws Exception {
      int[] state = counts.get(row);
      counts.put(row, new int[] {state == null ? 1 : state[0] + 1, associations});
    }

    @Override
    Entry retract(Row row, int associations) throws Exception {
      int[] state = counts.get(row);
      if (state == null) {
        return null;
      }
      if (state[0] == 1) {
        counts.remove(row);
      } else {
        counts.put(row, new int[] {state[0] - 1, associations});
      }
      return new Entry(row, state[0], state[1]);
    }

    @Override
    void setAssociations(Entry entry, int associations) throws Exception {
      counts.put(entry.row(), new int[] {entry.copies(), associations});
    }
  }

  /** Rows with a unique key the join key does not contain: unique key -> row. */
  private static final class ByUniqueKey extends JoinSideState {
    private final RowKeySelector uniqueKey;
    private final MapState<Row, StoredRow> rows;

    ByUniqueKey(RowKeySelector uniqueKey, MapState<Row, StoredRow> rows) {
      this.uniqueKey = uniqueKey;
      this.rows = rows;
    }

    @Override
    Iterable<Entry> entries() throws Exception {
      List<Entry> entries = new ArrayList<>();
      for (StoredRow stored : rows.values()) {
        entries.add(new Entry(stored.row(), 1, stored.associations()));
      }
      return entries;
    }

    @Override
    void add(Row row, int associations) throws Exception {
      rows.put(uniqueKey.getKey(row), new StoredRow(row, associations));
    }

    @Override
    Entry retract(Row row, int associations) throws Exception {
      Row key = uniqueKey.getKey(row);
      StoredRow stored = rows.get(key);
      if (stored == null) {
        return null;
      }
      rows.remove(key);
      return new Entry(stored.row(), 1, stored.associations());
    }

    @Override
    void setAssociations(Entry entry, int associations) throws Exception {
      rows.put(uniqueKey.getKey(entry.row()), new StoredRow(entry.row(), associations));
    }
  }

  /** At most one row per join key (the join key contains the unique key). */
  private static final class OneRow extends JoinSideState {
    private final ValueState<StoredRow> row;

    OneRow(ValueState<StoredRow> row) {
      this.row = row;
    }

    @Override
    Iterable<Entry> entries() throws Exception {
      StoredRow stored = row.value();
      return stored == null ? List.of() : List.of(new Entry(stored.row(), 1, stored.associations()));
    }

    @Override
    void add(Row added, int associations) throws Exception {
      row.update(new StoredRow(added, associations));
    }

    @Override
    Entry retract(Row retracted, int associations) throws Exception {
      StoredRow stored = row.value();
      if (stored == null) {
        return null;
      }
      row.clear();
      return new Entry(stored.row(), 1, stored.associations());
    }

    @Override
    void setAssociations(Entry entry, int associations) throws Exception {
      row.update(new StoredRow(entry.row(), associations));
    }
  }
}
