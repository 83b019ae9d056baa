package io.eddy.sql.planner;

import io.eddy.sql.plan.PhysicalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * A correlated {@code IN}, {@code EXISTS} or {@code NOT EXISTS} subquery in WHERE as the semi or
 * anti join Flink's FlinkSubQueryRemoveRule makes of it. Calcite leaves it as a Calc over a
 * Correlate of the outer rows with a distinct Aggregate of the subquery (one row per outer row at
 * most): an inner Correlate whose Calc equates every group field with an outer expression, or
 * groups by a constant, is a semi join; a left Correlate whose Calc keeps the rows where the
 * constant group field is NULL is an anti join. The join condition is the subquery's correlated
 * filter plus those equalities. Other shapes are left alone (null).
 */
final class SubQueryJoinRule {
  private SubQueryJoinRule() {}

  /** The semi or anti join (with the Calc's projection) of {@code calc}, or null if it is not one. */
  static PhysicalNode plan(PhysicalPlanner planner, LogicalCalc calc) {
    if (!(calc.getInput() instanceof LogicalCorrelate correlate)
        || !(correlate.getRight() instanceof LogicalAggregate aggregate) || !aggregate.getAggCallList().isEmpty()
        || aggregate.getGroupType() != LogicalAggregate.Group.SIMPLE
        || !(aggregate.getInput() instanceof LogicalCalc inner)) {
      return null;
    }
    int leftCount = correlate.getLeft().getRowType().getFieldCount();
    RexProgram outer = calc.getProgram();
    List<RexNode> projections = new ArrayList<>();
    for (var ref : outer.getProjectList()) {
      RexNode p = outer.expandLocalRef(ref);
      if (RelOptUtil.InputFinder.bits(p).nextSetBit(leftCount) >= 0) {
        return null;
      }
      projections.add(p);
    }
    RexNode outerCondition = outer.getCondition() == null ? null : outer.expandLocalRef(outer.getCondition());
    RexProgram sub = inner.getProgram();
    List<RexNode> groupExpressions = new ArrayList<>();
    for (int g : aggregate.getGroupSet()) {
      groupExpressions.add(sub.expandLocalRef(sub.getProjectList().get(g)));
    }
    RexBuilder b = calc.getCluster().getRexBuilder();
    RexShuttle toJoinRow = CorrelatedRowRefs.toJoinedRow(correlate.getCorrelationId(), leftCount);
    List<RexNode> conditions = new ArrayList<>();
    if (sub.getCondition() != null) {
      conditions.add(sub.expandLocalRef(sub.getCondition()).accept(toJoinRow));
    }
    JoinRelType type;
    if (correlate.getJoinType() == JoinRelType.INNER) {
      type = JoinRelType.SEMI;
      List<RexNode> outerConjuncts = new ArrayList<>(
          outerCondition == null ? List.of() : RelOptUtil.conjunctions(outerCondition));
      for (int g = 0; g < groupExpressions.size(); g++) {
        if (groupExpressions.get(g) instanceof RexLiteral) {
          continue;
        }
        RexCall equality = equalityWith(outerConjuncts, leftCount + g, leftCount);
        if (equality == null) {
          return null;
        }
        outerConjuncts.remove(equality);
        RexNode outerSide = equality.getOperands().get(0) instanceof RexInputRef r && r.getIndex() == leftCount + g
            ? equality.getOperands().get(1) : equality.getOperands().get(0);
        conditions.add(b.makeCall(equality.getOperator(), outerSide, groupExpressions.get(g).accept(toJoinRow)));
      }
      for (RexNode c : outerConjuncts) {
        if (RelOptUtil.InputFinder.bits(c).nextSetBit(leftCount) >= 0) {
          return null;
        }
        conditions.add(c); // a filter of the outer rows: part of the semi join's condition
      }
    } else if (correlate.getJoinType() == JoinRelType.LEFT && groupExpressions.size() == 1
        && groupExpressions.get(0) instanceof RexLiteral literal && !literal.isNull() && outerCondition != null
        && outerCondition.getKind() == SqlKind.IS_NULL
        && ((RexCall) outerCondition).getOperands().get(0) instanceof RexInputRef ref && ref.getIndex() == leftCount) {
      type = JoinRelType.ANTI;
    } else {
      return null;
    }
    LogicalJoin join = LogicalJoin.create(correlate.getLeft(), inner.getInput(), List.of(),
        RexUtil.composeConjunction(b, conditions), Set.<CorrelationId>of(), type);
    return planner.calc(planner.plan(join), null, projections, calc.getRowType(), b);
  }

  /** A conjunct {@code =(field, e)} or {@code =(e, field)} with {@code e} over outer fields only, or null. */
  private static RexCall equalityWith(List<RexNode> conjuncts, int field, int leftCount) {
    for (RexNode c : conjuncts) {
      if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall call) {
        RexNode a = call.getOperands().get(0);
        RexNode z = call.getOperands().get(1);
        boolean aIsField = a instanceof RexInputRef r && r.getIndex() == field;
        boolean zIsField = z instanceof RexInputRef r && r.getIndex() == field;
        RexNode other = aIsField ? z : zIsField ? a : null;
        if (other != null && RelOptUtil.InputFinder.bits(other).nextSetBit(leftCount) < 0) {
          return call;
        }
      }
    }
    return null;
  }
}
