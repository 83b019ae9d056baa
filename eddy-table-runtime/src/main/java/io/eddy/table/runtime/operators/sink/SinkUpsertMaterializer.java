package io.eddy.table.runtime.operators.sink;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.StateTtl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flink's SinkUpsertMaterializer: turns a changelog whose rows are identified by another key
 * (or by none) into an upsert changelog by the sink's primary key, on a stream keyed by that
 * primary key. Several input rows can share a primary key at once (different upsert keys); the
 * sink shows the latest of them that is still present.
 *
 * <p>State per primary key: the present rows in the order they were added. {@code +I}/{@code +U}
 * replaces the row with the same upsert key (the same values when the input has no upsert key,
 * {@code upsertKey} null) or appends, and is emitted as {@code +I} if the key had no row, else
 * {@code +U}. {@code -U}/{@code -D} removes the first such row: the key's last row gone emits
 * {@code -D}, the latest row gone emits the one before it as {@code +U}, another row gone emits
 * nothing. A retraction of a row not in state (expired by TTL) is ignored. Output: {@code [I,UA,D]}.
 */
public final class SinkUpsertMaterializer extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final int[] upsertKey;
  private final Duration stateTtl;
  private transient ValueState<List<Row>> present;

  /** {@code upsertKey} the input's upsert key fields, or null; {@code stateTtl} zero for none. */
  public SinkUpsertMaterializer(int[] upsertKey, Duration stateTtl) {
    this.upsertKey = upsertKey == null ? null : upsertKey.clone();
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    present = getRuntimeContext().getState(StateTtl.apply(
        new ValueStateDescriptor<>("present-rows", TypeSerializers.<List<Row>>generic()), stateTtl));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    List<Row> rows = present.value();
    rows = rows == null ? new ArrayList<>(2) : new ArrayList<>(rows);
    switch (row.getKind()) {
      case INSERT, UPDATE_AFTER -> add(rows, row, out);
      case UPDATE_BEFORE, DELETE -> retract(rows, row, out);
    }
  }

  private void add(List<Row> rows, Row row, Collector<Row> out) throws Exception {
    RowKind kind = rows.isEmpty() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
    Row added = Row.copyWithKind(row, RowKind.INSERT);
    int index = upsertKey == null ? -1 : indexOf(rows, row);
    if (index < 0) {
      rows.add(added);
    } else {
      rows.set(index, added);
    }
    present.update(rows);
    out.collect(Row.copyWithKind(row, kind));
  }

  private void retract(List<Row> rows, Row row, Collector<Row> out) throws Exception {
    int index = indexOf(rows, row);
    if (index < 0) {
      return;
    }
    rows.remove(index);
    if (rows.isEmpty()) {
      present.clear();
      out.collect(Row.copyWithKind(row, RowKind.DELETE));
      return;
    }
    present.update(rows);
    if (index == rows.size()) {
      out.collect(Row.copyWithKind(rows.get(rows.size() - 1), RowKind.UPDATE_AFTER));
    }
  }

  private int indexOf(List<Row> rows, Row row) {
    for (int i = 0; i < rows.size(); i++) {
      if (same(rows.get(i), row)) {
        return i;
      }
    }
    return -1;
  }

  private boolean same(Row a, Row b) {
    if (upsertKey == null) {
      return a.fieldsEqual(b);
    }
    for (int f : upsertKey) {
      if (!Objects.equals(a.getField(f), b.getField(f))) {
        return false;
      }
    }
    return true;
  }
}
