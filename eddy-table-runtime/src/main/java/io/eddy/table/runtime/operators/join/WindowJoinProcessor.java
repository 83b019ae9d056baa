package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.Collector;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins all rows of one window and key of both sides at once (Flink's WindowJoinHelper
 * processors), in Flink's output order: for each left row the right rows in arrival order (a right
 * outer join goes by right row), then the padded rows. Stateless and independent of how the rows
 * were gathered, so a window's rows may come from one record at a time or from a whole delta.
 */
public final class WindowJoinProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final JoinType type;
  private final RowExpression residual;
  private final JoinedRows rows;

  /** {@code residual} is checked on the concatenated row, null for none. */
  public WindowJoinProcessor(JoinType type, int leftArity, int rightArity, RowExpression residual) {
    this.type = type;
    this.residual = residual;
    this.rows = new JoinedRows(leftArity, rightArity);
  }

  /** Emits the join of {@code lefts} and {@code rights} (either may be empty), all as inserts. */
  public void join(List<Row> lefts, List<Row> rights, Collector<Row> out) {
    switch (type) {
      case SEMI, ANTI -> {
        for (Row left : lefts) {
          boolean matches = false;
          for (int r = 0; r < rights.size() && !matches; r++) {
            matches = matches(left, rights.get(r));
          }
          if (matches == (type == JoinType.SEMI)) {
            out.collect(Row.copyWithKind(left, RowKind.INSERT));
          }
        }
      }
      case RIGHT -> {
        for (Row right : rights) {
          boolean matches = false;
          for (Row left : lefts) {
            Row joined = JoinedRows.concat(RowKind.INSERT, left, right);
            if (accepts(joined)) {
              out.collect(joined);
              matches = true;
            }
          }
          if (!matches) {
            out.collect(rows.padded(RowKind.INSERT, right, false));
          }
        }
      }
      case INNER, LEFT, FULL -> {
        Map<Row, Boolean> joinedRights = new IdentityHashMap<>();
        for (Row left : lefts) {
          boolean matches = false;
          for (Row right : rights) {
            Row joined = JoinedRows.concat(RowKind.INSERT, left, right);
            if (accepts(joined)) {
              out.collect(joined);
              matches = true;
              joinedRights.put(right, true);
            }
          }
          if (!matches && type.isLeftOuter()) {
            out.collect(rows.padded(RowKind.INSERT, left, true));
          }
        }
        if (type.isRightOuter()) {
          for (Row right : rights) {
            if (!joinedRights.containsKey(right)) {
              out.collect(rows.padded(RowKind.INSERT, right, false));
            }
          }
        }
      }
    }
  }

  private boolean matches(Row left, Row right) {
    return residual == null || accepts(JoinedRows.concat(RowKind.INSERT, left, right));
  }

  private boolean accepts(Row joined) {
    return residual == null || Boolean.TRUE.equals(residual.eval(joined));
  }
}
