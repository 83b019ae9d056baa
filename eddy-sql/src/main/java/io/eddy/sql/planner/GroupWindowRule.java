package io.eddy.sql.planner;

import io.eddy.sql.plan.PhysicalNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/**
 * Flink's legacy group windows, {@code GROUP BY k, SESSION(ts, gap)} (or TUMBLE/HOP): an Aggregate
 * over a Calc computing the window call among its grouping expressions becomes a window
 * aggregation ({@link PhysicalPlanner#legacyWindowAggregate}); a Calc above it that reads
 * SESSION_END (marked by {@link SessionSyntax}) reads the window end the aggregation appends.
 */
final class GroupWindowRule {
  private GroupWindowRule() {}

  static boolean isWindowCall(RexNode node) {
    return node instanceof RexCall call && switch (call.getKind()) {
      case SESSION, TUMBLE, HOP -> true;
      default -> false;
    };
  }

  /** Whether {@code aggregate} groups by a legacy window. */
  static boolean matches(Aggregate aggregate) {
    if (!(aggregate.getInput() instanceof LogicalCalc calc)) {
      return false;
    }
    RexProgram program = calc.getProgram();
    for (int g : aggregate.getGroupSet()) {
      if (isWindowCall(program.expandLocalRef(program.getProjectList().get(g)))) {
        return true;
      }
    }
    return false;
  }

  /** The Calc over a legacy window aggregation, with SESSION_END read from the appended window end. */
  static PhysicalNode plan(PhysicalPlanner planner, LogicalCalc calc, Aggregate aggregate) {
    PhysicalNode windowed = planner.legacyWindowAggregate(aggregate, true);
    int end = aggregate.getRowType().getFieldCount();
    RexBuilder b = calc.getCluster().getRexBuilder();
    RexShuttle readEnd = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (call.getOperator() == EddyOperatorTable.SESSION_END) {
          return new RexInputRef(end, call.getType());
        }
        return super.visitCall(call);
      }
    };
    RexProgram program = calc.getProgram();
    List<RexNode> projections = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projections.add(program.expandLocalRef(ref).accept(readEnd));
    }
    RexNode condition = program.getCondition() == null ? null
        : program.expandLocalRef(program.getCondition()).accept(readEnd);
    return planner.calc(windowed, condition, projections, calc.getRowType(), b);
  }
}
