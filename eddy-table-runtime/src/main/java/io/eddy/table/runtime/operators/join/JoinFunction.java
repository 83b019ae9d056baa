package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.ReadOnlyRecords;
import static io.eddy.table.runtime.operators.join.JoinedRows.concat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Regular join with retraction, inner or outer (Flink's StreamingJoinOperator), on two streams
 * keyed by the equi-join key. Each side keeps its present rows in a {@link JoinSideState} chosen
 * by what the planner knows of its input ({@link JoinInputSpec}: one row per join key, rows by
 * unique key, rows with copy counts, or an insert-only list), each row with its associations, the
 * number of the other side's present rows it matches (kept for an outer side only). A row is
 * matched against the other side's rows that satisfy the residual condition (over the
 * concatenated row; null for none).
 *
 * <p>Output, as Flink's: an accumulating row emits {@code +I} joined rows per match and copy, or
 * {@code +I} itself padded with NULLs when its side is outer and nothing matches; an outer row of
 * the other side that had no match before first has its padded row retracted ({@code -D}). A
 * retracting row emits {@code -D} for what it produced, and an outer row of the other side that
 * loses its last match gets its padded row back ({@code +I}). Output is {@code [I,D]}. A retraction
 * of a row that is not present (expired state) is ignored. Rows are stored as insert rows.
 */
public final class JoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final JoinType type;
  private final JoinedRows rows;
  private final JoinInputSpec leftSpec;
  private final JoinInputSpec rightSpec;
  private final RowExpression residual;
  private final Duration stateTtl;
  private transient JoinSideState left;
  private transient JoinSideState right;

  /** {@code stateTtl} zero for none. */
  public JoinFunction(JoinType type, int leftArity, int rightArity, JoinInputSpec leftSpec, JoinInputSpec rightSpec,
      RowExpression residual, Duration stateTtl) {
    if (type.leftRowsOnly()) {
      throw new IllegalArgumentException(type.flinkName() + " is not a kind of this join");
    }
    this.type = type;
    this.rows = new JoinedRows(leftArity, rightArity);
    this.leftSpec = leftSpec;
    this.rightSpec = rightSpec;
    this.residual = residual;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    left = JoinSideState.create(leftSpec, type.isLeftOuter(), getRuntimeContext(), "left", stateTtl);
    right = JoinSideState.create(rightSpec, type.isRightOuter(), getRuntimeContext(), "right", stateTtl);
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, true, out);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, false, out);
  }

  private void process(Row row, boolean isLeft, Collector<Row> out) throws Exception {
    JoinSideState own = isLeft ? left : right;
    JoinSideState other = isLeft ? right : left;
    boolean ownOuter = isLeft ? type.isLeftOuter() : type.isRightOuter();
    boolean otherOuter = isLeft ? type.isRightOuter() : type.isLeftOuter();
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    List<JoinSideState.Entry> matches = new ArrayList<>();
    int matched = 0;
    for (JoinSideState.Entry e : other.entries()) {
      if (residual == null || Boolean.TRUE.equals(residual.eval(
          isLeft ? concat(RowKind.INSERT, stored, e.row()) : concat(RowKind.INSERT, e.row(), stored)))) {
        matches.add(e);
        matched += e.copies();
      }
    }
    if (row.getKind().isAccumulate()) {
      own.add(stored, matched);
      if (matches.isEmpty() && ownOuter) {
        out.collect(rows.padded(RowKind.INSERT, stored, isLeft));
      }
      for (JoinSideState.Entry m : matches) {
        if (otherOuter) {
          if (m.associations() == 0) {
            emit(out, rows.padded(RowKind.DELETE, m.row(), !isLeft), m.copies());
          }
          other.setAssociations(m, m.associations() + 1);
        }
        emit(out, isLeft ? concat(RowKind.INSERT, stored, m.row()) : concat(RowKind.INSERT, m.row(), stored),
            m.copies());
      }
      return;
    }
    if (own.retract(stored, matched) == null) {
      return;
    }
    if (matches.isEmpty() && ownOuter) {
      out.collect(rows.padded(RowKind.DELETE, stored, isLeft));
    }
    for (JoinSideState.Entry m : matches) {
      emit(out, isLeft ? concat(RowKind.DELETE, stored, m.row()) : concat(RowKind.DELETE, m.row(), stored),
          m.copies());
    }
    for (JoinSideState.Entry m : otherOuter ? matches : List.<JoinSideState.Entry>of()) {
      if (m.associations() == 1) {
        emit(out, rows.padded(RowKind.INSERT, m.row(), !isLeft), m.copies());
      }
      other.setAssociations(m, m.associations() - 1);
    }
  }

  private static void emit(Collector<Row> out, Row row, int copies) {
    for (int i = 0; i < copies; i++) {
      out.collect(i == 0 ? row : Row.copyWithKind(row, row.getKind()));
    }
  }
}
