package io.eddy.table.runtime.operators.rank;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Top-N by {@code ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..)} with a constant rank range
 * {@code [start, end]} (Flink's rank operators) on a stream keyed by the partition fields.
 *
 * <p>State per partition: the rows of ranks 1..end last emitted, in rank order (rows with equal
 * sort keys rank in arrival order, as in Flink). With an insert-only input ({@code appendOnlyInput},
 * Flink's AppendOnlyTopNFunction) that is all: a new row goes after the last kept row that does not
 * sort after it, the buffer is cut to {@code end} rows, and a row that cannot enter it is dropped
 * at once, so a change costs one state read and write and no per-sort-key state. With an updating
 * input (Flink's RetractableTopNFunction) every row is kept, since a retraction of a ranked row lets
 * the next one in: its rows grouped by sort key (map state: sort key -> rows in arrival order) and
 * the distinct sort keys in order; a retraction removes one equal row.
 *
 * <p>{@link #apply} takes any number of changes of one partition and emits the difference between
 * the ranked rows before and after: with the rank number ({@code outputRankNumber}, appended as a
 * BIGINT field) per rank whose row changed {@code -U old, +U new} (only {@code +U new} without
 * {@code generateUpdateBefore}; {@code +I} / {@code -D} when
 * the rank was or becomes empty); without it {@code -D} for rows that left the range and
 * {@code +I} for rows that entered. Equal sort keys and rows compare by value, so the ranking does
 * not depend on the state backend or on restores.
 */
public final class RankFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final SortSpec sort;
  private final long start;
  private final long end;
  private final boolean outputRankNumber;
  private final boolean appendOnlyInput;
  private final boolean generateUpdateBefore;
  private final Duration stateTtl;
  private transient Comparator<Row> comparator;
  private transient Comparator<Row> rowComparator;
  private transient MapState<Row, List<Row>> rowsBySortKey;
  private transient ValueState<List<Row>> sortKeys;
  private transient ValueState<List<Row>> ranked;

  /**
   * Ranks {@code start..end} (1-based, inclusive); {@code generateUpdateBefore} false leaves out the
   * {@code -U} rows of rank changes (an upsert stream keyed by partition and rank); {@code stateTtl}
   * zero for none.
   */
  public RankFunction(SortSpec sort, long start, long end, boolean outputRankNumber, boolean appendOnlyInput,
      boolean generateUpdateBefore, Duration stateTtl) {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("rank range [" + start + ", " + end + "] is empty or starts below 1");
    }
    this.sort = sort;
    this.start = start;
    this.end = end;
    this.outputRankNumber = outputRankNumber;
    this.appendOnlyInput = appendOnlyInput;
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    comparator = sort.keyComparator();
    rowComparator = sort.rowComparator();
    if (!appendOnlyInput) {
      rowsBySortKey = getRuntimeContext().getMapState(StateTtl.apply(new MapStateDescriptor<>("rows-by-sort-key",
          TypeSerializers.<Row>generic(), TypeSerializers.<List<Row>>generic()), stateTtl));
      sortKeys = getRuntimeContext().getState(
          StateTtl.apply(new ValueStateDescriptor<>("sort-keys", TypeSerializers.<List<Row>>generic()), stateTtl));
    }
    ranked = getRuntimeContext().getState(
        StateTtl.apply(new ValueStateDescriptor<>("ranked", TypeSerializers.<List<Row>>generic()), stateTtl));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    apply(List.of(row), out);
  }

  /** Applies changes of the current partition and emits the change of its ranking. */
  public void apply(Iterable<Row> changes, Collector<Row> out) throws Exception {
    List<Row> before = ranked.value() == null ? List.of() : ranked.value();
    if (appendOnlyInput) {
      applyInserts(before, changes, out);
      return;
    }
    List<Row> keys = sortKeys.value() == null ? new ArrayList<>() : new ArrayList<>(sortKeys.value());
    for (Row change : changes) {
      Row row = Row.copyWithKind(change, RowKind.INSERT);
      Row key = sort.key(row);
      int at = Collections.binarySearch(keys, key, comparator);
      if (change.getKind().isAccumulate()) {
        List<Row> rows = at >= 0 ? new ArrayList<>(rowsBySortKey.get(key)) : new ArrayList<>();
        if (at < 0) {
          keys.add(-at - 1, key);
        }
        rows.add(row);
        rowsBySortKey.put(key, rows);
      } else {
        if (at >= 0) {
          remove(keys, at, row);
        }
      }
    }
    List<Row> after = firstRows(keys);
    emit(before, after, out);
    if (keys.isEmpty()) {
      sortKeys.clear();
      ranked.clear();
    } else {
      sortKeys.update(keys);
      ranked.update(after);
    }
  }

  private void remove(List<Row> keys, int at, Row row) throws Exception {
    Row key = keys.get(at);
    List<Row> rows = new ArrayList<>(rowsBySortKey.get(key));
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).fieldsEqual(row)) {
        rows.remove(i);
        if (rows.isEmpty()) {
          rowsBySortKey.remove(key);
          keys.remove(at);
        } else {
          rowsBySortKey.put(key, rows);
        }
        return;
      }
    }
  }

  /**
   * The insert-only path: {@code ranked} is every kept row. A row goes after the last row that does
   * not sort after it (ties rank in arrival order); one at or past rank {@code end} is dropped.
   */
  private void applyInserts(List<Row> before, Iterable<Row> changes, Collector<Row> out) throws Exception {
    List<Row> after = null;
    for (Row change : changes) {
      if (!change.getKind().isAccumulate()) {
        throw new IllegalStateException("Rank over an insert-only input got " + change);
      }
      List<Row> rows = after == null ? before : after;
      int at = insertionPoint(rows, change);
      if (at >= end) {
        continue;
      }
      if (after == null) {
        after = new ArrayList<>((int) Math.min(end, before.size() + 1));
        after.addAll(before);
      }
      after.add(at, Row.copyWithKind(change, RowKind.INSERT));
      if (after.size() > end) {
        after.remove(after.size() - 1);
      }
    }
    if (after != null) {
      emit(before, after, out);
      ranked.update(after);
    }
  }

  /** The index of the first row of {@code rows} (in rank order) that sorts after {@code row}. */
  private int insertionPoint(List<Row> rows, Row row) {
    int low = 0;
    int high = rows.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (rowComparator.compare(rows.get(mid), row) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The rows of ranks 1..end, in rank order. */
  private List<Row> firstRows(List<Row> keys) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (Row key : keys) {
      for (Row row : rowsBySortKey.get(key)) {
        if (rows.size() >= end) {
          return rows;
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private void emit(List<Row> before, List<Row> after, Collector<Row> out) {
    int from = (int) start - 1;
    if (outputRankNumber) {
      for (int i = from; i < Math.max(before.size(), after.size()); i++) {
        Row old = i < before.size() ? before.get(i) : null;
        Row now = i < after.size() ? after.get(i) : null;
        if (old == null) {
          out.collect(withRank(RowKind.INSERT, now, i + 1));
        } else if (now == null) {
          out.collect(withRank(RowKind.DELETE, old, i + 1));
        } else if (!old.fieldsEqual(now)) {
          if (generateUpdateBefore) {
            out.collect(withRank(RowKind.UPDATE_BEFORE, old, i + 1));
          }
          out.collect(withRank(RowKind.UPDATE_AFTER, now, i + 1));
        }
      }
      return;
    }
    List<Row> left = from < before.size() ? new ArrayList<>(before.subList(from, before.size())) : new ArrayList<>();
    List<Row> entered = new ArrayList<>();
    for (Row row : from < after.size() ? after.subList(from, after.size()) : List.<Row>of()) {
      if (!left.remove(row)) {
        entered.add(row);
      }
    }
    for (Row row : left) {
      out.collect(Row.copyWithKind(row, RowKind.DELETE));
    }
    for (Row row : entered) {
      out.collect(Row.copyWithKind(row, RowKind.INSERT));
    }
  }

  private static Row withRank(RowKind kind, Row row, long rank) {
    Object[] fields = new Object[row.getArity() + 1];
    for (int i = 0; i < row.getArity(); i++) {
      fields[i] = row.getField(i);
    }
    fields[row.getArity()] = rank;
    return Row.wrap(kind, fields);
  }
}
