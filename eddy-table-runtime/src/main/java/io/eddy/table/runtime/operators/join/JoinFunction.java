package io.eddy.table.runtime.operators.join;

import static io.eddy.table.runtime.operators.join.JoinedRows.concat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Regular join with retraction, inner or outer (Flink's StreamingJoinOperator), on two streams
 * keyed by the equi-join key. Each side keeps the multiset of its present rows in map state, row
 * -> {@code [copies, associations]}, where associations counts the other side's present rows it
 * matches (kept for an outer side only). A row is matched against the other side's rows that
 * satisfy the residual condition (over the concatenated row; null for none).
 *
 * <p>Output, as Flink's: an accumulating row emits {@code +I} joined rows per match and copy, or
 * {@code +I} itself padded with NULLs when its side is outer and nothing matches; an outer row of
 * the other side that had no match before first has its padded row retracted ({@code -D}). A
 * retracting row emits {@code -D} for what it produced, and an outer row of the other side that
 * loses its last match gets its padded row back ({@code +I}). Output is {@code [I,D]}. A retraction
 * of a row that is not present (expired state) is ignored. Rows are stored as insert rows.
 */
public final class JoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final JoinType type;
  private final JoinedRows rows;
  private final RowExpression residual;
  private final Duration stateTtl;
  private transient MapState<Row, int[]> left;
  private transient MapState<Row, int[]> right;

  /** {@code stateTtl} zero for none. */
  public JoinFunction(JoinType type, int leftArity, int rightArity, RowExpression residual, Duration stateTtl) {
    if (type.leftRowsOnly()) {
      throw new IllegalArgumentException(type.flinkName() + " is not a kind of this join");
    }
    this.type = type;
    this.rows = new JoinedRows(leftArity, rightArity);
    this.residual = residual;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    left = getRuntimeContext().getMapState(RowCountStates.descriptor("left", stateTtl));
    right = getRuntimeContext().getMapState(RowCountStates.descriptor("right", stateTtl));
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, true, out);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, false, out);
  }

  private record Match(Row row, int[] state) {}

  private void process(Row row, boolean isLeft, Collector<Row> out) throws Exception {
    MapState<Row, int[]> own = isLeft ? left : right;
    MapState<Row, int[]> other = isLeft ? right : left;
    boolean ownOuter = isLeft ? type.isLeftOuter() : type.isRightOuter();
    boolean otherOuter = isLeft ? type.isRightOuter() : type.isLeftOuter();
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    List<Match> matches = new ArrayList<>();
    int matched = 0;
    for (Map.Entry<Row, int[]> e : other.entries()) {
      Row joined = isLeft ? concat(RowKind.INSERT, stored, e.getKey()) : concat(RowKind.INSERT, e.getKey(), stored);
      if (residual == null || Boolean.TRUE.equals(residual.eval(joined))) {
        matches.add(new Match(e.getKey(), e.getValue()));
        matched += e.getValue()[0];
      }
    }
    int[] state = own.get(stored);
    if (row.getKind().isAccumulate()) {
      own.put(stored, state == null ? new int[] {1, matched} : new int[] {state[0] + 1, matched});
      if (matches.isEmpty() && ownOuter) {
        out.collect(rows.padded(RowKind.INSERT, stored, isLeft));
      }
      for (Match m : matches) {
        if (otherOuter) {
          if (m.state()[1] == 0) {
            emit(out, rows.padded(RowKind.DELETE, m.row(), !isLeft), m.state()[0]);
          }
          other.put(m.row(), new int[] {m.state()[0], m.state()[1] + 1});
        }
        emit(out, isLeft ? concat(RowKind.INSERT, stored, m.row()) : concat(RowKind.INSERT, m.row(), stored),
            m.state()[0]);
      }
      return;
    }
    if (state == null) {
      return;
    }
    if (state[0] == 1) {
      own.remove(stored);
    } else {
      own.put(stored, new int[] {state[0] - 1, matched});
    }
    if (matches.isEmpty() && ownOuter) {
      out.collect(rows.padded(RowKind.DELETE, stored, isLeft));
    }
    for (Match m : matches) {
      emit(out, isLeft ? concat(RowKind.DELETE, stored, m.row()) : concat(RowKind.DELETE, m.row(), stored),
          m.state()[0]);
    }
    for (Match m : otherOuter ? matches : List.<Match>of()) {
      if (m.state()[1] == 1) {
        emit(out, rows.padded(RowKind.INSERT, m.row(), !isLeft), m.state()[0]);
      }
      other.put(m.row(), new int[] {m.state()[0], m.state()[1] - 1});
    }
  }

  private static void emit(Collector<Row> out, Row row, int copies) {
    for (int i = 0; i < copies; i++) {
      out.collect(i == 0 ? row : Row.copyWithKind(row, row.getKind()));
    }
  }
}
