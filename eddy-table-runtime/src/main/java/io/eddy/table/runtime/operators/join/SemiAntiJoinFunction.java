package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.ReadOnlyRecords;
import static io.eddy.table.runtime.operators.join.JoinedRows.concat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.time.Duration;
import java.util.Map;

/**
 * Regular semi or anti join with retraction (Flink's StreamingSemiAntiJoinOperator), what an
 * {@code IN} or {@code EXISTS} ({@code NOT EXISTS}) subquery becomes, on two streams keyed by the
 * equi-join key: the output is the left rows that have (have no) matching right row, alone. The
 * left side keeps its present rows, row -> {@code [copies, matches]} where matches counts the
 * present right rows it matches (those satisfying the residual condition over the concatenated
 * row, null for none); the right side keeps row -> {@code [copies]}.
 *
 * <p>A left row is emitted ({@code +I}) or retracted ({@code -D}) as it arrives or is retracted
 * when it has a match (semi) or none (anti). A right row that gives a left row its first match
 * emits that left row (semi) or retracts it (anti), once per copy; one that takes away its last
 * match does the reverse. Output is {@code [I,D]}; a retraction of a row that is not present
 * (expired state) is ignored. Rows are stored as insert rows.
 */
public final class SemiAntiJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final boolean anti;
  private final RowExpression residual;
  private final Duration stateTtl;
  private transient MapState<Row, int[]> left;
  private transient MapState<Row, int[]> right;

  /** {@code stateTtl} zero for none. */
  public SemiAntiJoinFunction(JoinType type, RowExpression residual, Duration stateTtl) {
    if (!type.leftRowsOnly()) {
      throw new IllegalArgumentException(type.flinkName() + " is not a semi or anti join");
    }
    this.anti = type == JoinType.ANTI;
    this.residual = residual;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    left = getRuntimeContext().getMapState(RowCountStates.descriptor("left", stateTtl));
    right = getRuntimeContext().getMapState(RowCountStates.descriptor("right", stateTtl));
  }

  private boolean matches(Row leftRow, Row rightRow) {
    return residual == null || Boolean.TRUE.equals(residual.eval(concat(RowKind.INSERT, leftRow, rightRow)));
  }

  /** Whether a left row with {@code matches} present partners is in the output. */
  private boolean emitted(int matches) {
    return anti == (matches == 0);
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    int matched = 0;
    for (Map.Entry<Row, int[]> e : right.entries()) {
      if (matches(stored, e.getKey())) {
        matched += e.getValue()[0];
      }
    }
    int[] state = left.get(stored);
    if (row.getKind().isAccumulate()) {
      left.put(stored, new int[] {state == null ? 1 : state[0] + 1, matched});
    } else if (state == null) {
      return;
    } else if (state[0] == 1) {
      left.remove(stored);
    } else {
      left.put(stored, new int[] {state[0] - 1, matched});
    }
    if (emitted(matched)) {
      out.collect(Row.copyWithKind(stored, row.getKind().isAccumulate() ? RowKind.INSERT : RowKind.DELETE));
    }
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    int[] state = right.get(stored);
    boolean accumulate = row.getKind().isAccumulate();
    if (accumulate) {
      right.put(stored, new int[] {state == null ? 1 : state[0] + 1});
    } else if (state == null) {
      return;
    } else if (state[0] == 1) {
      right.remove(stored);
    } else {
      right.put(stored, new int[] {state[0] - 1});
    }
    for (Map.Entry<Row, int[]> e : left.entries()) {
      if (!matches(e.getKey(), stored)) {
        continue;
      }
      int before = e.getValue()[1];
      int after = before + (accumulate ? 1 : -1);
      e.setValue(new int[] {e.getValue()[0], after});
      if (emitted(before) != emitted(after)) {
        RowKind kind = emitted(after) ? RowKind.INSERT : RowKind.DELETE;
        for (int i = 0; i < e.getValue()[0]; i++) {
          out.collect(Row.copyWithKind(e.getKey(), kind));
        }
      }
    }
  }
}
