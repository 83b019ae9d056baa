package io.eddy.sql.planner;

import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.WindowTableFunctionNode;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A window table function call (TUMBLE, HOP, CUMULATE, SESSION) read as Flink reads it: its
 * time column (the DESCRIPTOR's) and its intervals in ms, in call order. Not under a window
 * aggregation, TUMBLE, HOP and CUMULATE become a {@link WindowTableFunctionNode}; over a
 * processing-time attribute they are refused there with Flink's message (only aggregated).
 */
record WindowTableFunctionRule(String name, int timeField, List<Long> intervals) {
  static boolean isWindow(LogicalTableFunctionScan tvf) {
    return tvf.getCall() instanceof RexCall call && call.getOperator() instanceof WindowTableFunction;
  }

  static WindowTableFunctionRule of(LogicalTableFunctionScan tvf) {
    RexCall call = (RexCall) tvf.getCall();
    int timeField = -1;
    List<Long> intervals = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      if (operand.getKind() == SqlKind.DESCRIPTOR) {
        timeField = ((RexInputRef) ((RexCall) operand).getOperands().get(0)).getIndex();
      } else if (operand instanceof RexLiteral literal) {
        intervals.add(literal.getValueAs(BigDecimal.class).longValueExact());
      }
    }
    return new WindowTableFunctionRule(((WindowTableFunction) call.getOperator()).getName(), timeField, intervals);
  }

  /** The windows of TUMBLE, HOP or CUMULATE. */
  WindowAssignment assignment() {
    long offset = 0;
    return switch (name) {
      case "TUMBLE" -> new WindowAssignment.Tumble(intervals.get(0), intervals.size() > 1 ? intervals.get(1) : offset);
      case "HOP" -> new WindowAssignment.Hop(intervals.get(0), intervals.get(1), intervals.size() > 2 ? intervals.get(2) : offset);
      case "CUMULATE" -> new WindowAssignment.Cumulate(intervals.get(0), intervals.get(1),
          intervals.size() > 2 ? intervals.get(2) : offset);
      default -> throw new UnsupportedOperationException("window table function " + name);
    };
  }

  static PhysicalNode plan(PhysicalPlanner planner, LogicalTableFunctionScan tvf) {
    WindowTableFunctionRule rule = of(tvf);
    if (rule.name().equals("SESSION")) {
      throw new UnsupportedOperationException(
          "A SESSION window table function is only supported under a GROUP BY window_start, window_end aggregation");
    }
    PhysicalNode input = planner.plan(tvf.getInputs().get(0));
    if (input.proctimeField() == rule.timeField()) {
      throw new UnsupportedOperationException("Processing time Window TableFunction is not supported yet.");
    }
    if (input.rowtimeField() != rule.timeField()) {
      throw new UnsupportedOperationException("The DESCRIPTOR of a window table function must name the input's "
          + "event-time attribute (a column with a WATERMARK)");
    }
    return new WindowTableFunctionNode(input, TypeConversion.toLogicalType(tvf.getRowType()), rule.assignment(),
        rule.timeField());
  }
}
