package io.eddy.sql.planner;

import io.eddy.sql.codegen.RexCompiler;
import io.eddy.table.runtime.RowExpression;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rex.RexNode;

/**
 * The equi-join keys of a join condition and what is left to check per pair of rows (null for
 * nothing). Rows are keyed by their key values, NULLs included; where a key may be NULL the
 * whole condition is checked per pair, so NULL = NULL does not match (SQL's three-valued logic).
 */
record EquiJoin(int[] leftKeys, int[] rightKeys, RowExpression residual) {

  /** {@code condition} is over {@code join}'s concatenated row (all of its condition, or a part). */
  static EquiJoin of(Join join, RexNode condition) {
    JoinInfo info = JoinInfo.of(join.getLeft(), join.getRight(), condition);
    boolean nullableKey = info.leftKeys.stream()
        .anyMatch(k -> join.getLeft().getRowType().getFieldList().get(k).getType().isNullable())
        || info.rightKeys.stream()
        .anyMatch(k -> join.getRight().getRowType().getFieldList().get(k).getType().isNullable());
    RexNode residual = nullableKey ? condition : info.getRemaining(join.getCluster().getRexBuilder());
    return new EquiJoin(info.leftKeys.toIntArray(), info.rightKeys.toIntArray(),
        residual.isAlwaysTrue() ? null : new RexCompiler(join.getCluster().getRexBuilder()).compile(residual));
  }
}
