package io.eddy.sql.planner;

import io.eddy.sql.plan.OverAggregateNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.over.OverFrame;
import io.eddy.table.types.LogicalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Flink's OVER aggregation rule: a window of aggregates (no ROW_NUMBER, see {@link RankRule}) with
 * one partition/order spec, ordered ascending by one time column, framed {@code ROWS|RANGE BETWEEN
 * n|UNBOUNDED PRECEDING AND CURRENT ROW}, becomes an {@link OverAggregateNode} whose output is the
 * window's (input fields, then the aggregates).
 */
final class OverRule {
  private OverRule() {}

  static PhysicalNode plan(PhysicalPlanner planner, LogicalWindow window) {
    if (window.groups.size() != 1) {
      throw new UnsupportedOperationException("OVER aggregates with different windows in one query are not supported");
    }
    Window.Group group = window.groups.get(0);
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.size() != 1 || order.get(0).direction.isDescending()) {
      throw new UnsupportedOperationException("OVER windows must be ordered ascending by one time attribute (Flink's rule)");
    }
    int orderField = order.get(0).getFieldIndex();
    var orderType = window.getInput().getRowType().getFieldList().get(orderField).getType();
    if (orderType.getSqlTypeName().getFamily() != SqlTypeFamily.TIMESTAMP) {
      throw new UnsupportedOperationException("OVER windows must be ordered by a time attribute, not "
          + orderType.getFullTypeString());
    }
    if (!group.upperBound.isCurrentRow()) {
      throw new UnsupportedOperationException("OVER windows must end at CURRENT ROW (Flink's rule), not "
          + group.upperBound);
    }
    OverFrame frame = new OverFrame(group.isRows, preceding(window, group.lowerBound));
    PhysicalNode input = planner.plan(window.getInput());
    List<String> names = window.getInput().getRowType().getFieldNames();
    List<AggregateCall> calls = new ArrayList<>();
    for (Window.RexWinAggCall call : group.aggCalls) {
      if (call.getOperands().size() > 1 || (call.getOperands().size() == 1
          && !(call.getOperands().get(0) instanceof RexInputRef))) {
        throw new UnsupportedOperationException("OVER aggregate " + call + " is not supported");
      }
      int argument = call.getOperands().isEmpty() ? -1 : ((RexInputRef) call.getOperands().get(0)).getIndex();
      LogicalType argType = argument < 0 ? null
          : TypeConversion.toLogicalType(window.getInput().getRowType().getFieldList().get(argument).getType());
      SqlAggFunction function = (SqlAggFunction) call.getOperator();
      calls.add(new AggregateCall(function.getName() + "(" + (call.distinct ? "DISTINCT " : "")
          + (argument < 0 ? "*" : names.get(argument)) + ")",
          Aggregators.of(function, call.distinct, TypeConversion.toLogicalType(call.getType()),
              argType == null ? List.of() : List.of(argType), argType == null ? List.of() : java.util.Collections.singletonList(null),
              !frame.unbounded()), argument, -1));
    }
    return new OverAggregateNode(input, TypeConversion.toLogicalType(window.getRowType()), group.keys.toArray(),
        orderField, frame, calls);
  }

  /** The frame's PRECEDING offset (rows, or ms for RANGE), -1 for UNBOUNDED. */
  private static long preceding(LogicalWindow window, RexWindowBound bound) {
    if (bound.isUnbounded()) {
      return -1;
    }
    if (bound.isCurrentRow()) {
      return 0;
    }
    if (!bound.isPreceding()) {
      throw new UnsupportedOperationException("OVER windows must start at a PRECEDING bound, not " + bound);
    }
    RexNode offset = bound.getOffset();
    if (offset instanceof RexInputRef ref) {
      offset = window.constants.get(ref.getIndex() - window.getInput().getRowType().getFieldCount());
    }
    return ((RexLiteral) offset).getValueAs(BigDecimal.class).longValueExact();
  }
}
