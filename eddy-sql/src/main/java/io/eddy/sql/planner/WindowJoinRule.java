package io.eddy.sql.planner;

import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.WindowJoinNode;
import io.eddy.table.runtime.operators.join.JoinType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Flink's window join rule (WindowJoinUtil.satisfyWindowJoin and StreamPhysicalWindowJoinRule): a
 * join becomes a {@link WindowJoinNode} exactly when both inputs carry window columns of the same
 * windows and its condition has, among its conjuncts, an equality of the two inputs'
 * {@code window_start} and one of their {@code window_end}. The other conjuncts are the join's keys
 * and residual condition. Otherwise (only one of the equalities, or different windows) it is not a
 * window join, as in Flink, which then plans a regular join.
 */
final class WindowJoinRule {
  private WindowJoinRule() {}

  /** The window join of {@code join}, or null when it is not one. */
  static PhysicalNode plan(Join join, JoinType type, PhysicalNode left, PhysicalNode right) {
    int[] leftWindow = left.windowBounds();
    int[] rightWindow = right.windowBounds();
    if (leftWindow == null || rightWindow == null) {
      return null;
    }
    int leftCount = left.rowType().fieldCount();
    boolean startsEqual = false;
    boolean endsEqual = false;
    List<RexNode> others = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
      int column = windowColumnEquality(conjunct, leftCount, leftWindow, rightWindow);
      startsEqual |= column == 0;
      endsEqual |= column == 1;
      if (column < 0) {
        others.add(conjunct);
      }
    }
    if (!startsEqual || !endsEqual || !left.windowing().equals(right.windowing())) {
      return null;
    }
    RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), others);
    EquiJoin equi = EquiJoin.of(join, remaining);
    List<String> names = new ArrayList<>(join.getLeft().getRowType().getFieldNames());
    for (String name : join.getRight().getRowType().getFieldNames()) {
      names.add(names.contains(name) ? name + "0" : name);
    }
    return new WindowJoinNode(left, right, TypeConversion.toLogicalType(join.getRowType()), type, equi.leftKeys(),
        equi.rightKeys(), equi.residual(), PhysicalPlanner.describe(remaining, names));
  }

  /**
   * 0 if {@code conjunct} equates the two inputs' window starts, 1 their window ends, else -1 (any
   * other conjunct, including an equality of one side's start with the other's end).
   */
  private static int windowColumnEquality(RexNode conjunct, int leftCount, int[] leftWindow, int[] rightWindow) {
    if (!(conjunct instanceof RexCall call) || conjunct.getKind() != SqlKind.EQUALS
        && conjunct.getKind() != SqlKind.IS_NOT_DISTINCT_FROM) {
      return -1;
    }
    if (!(call.getOperands().get(0) instanceof RexInputRef a) || !(call.getOperands().get(1) instanceof RexInputRef b)) {
      return -1;
    }
    int l = Math.min(a.getIndex(), b.getIndex());
    int r = Math.max(a.getIndex(), b.getIndex()) - leftCount;
    if (l >= leftCount || r < 0) {
      return -1;
    }
    for (int column = 0; column < 2; column++) {
      if (l == leftWindow[column] && r == rightWindow[column]) {
        return column;
      }
    }
    return -1;
  }
}
