package io.eddy.sql.planner;

import io.eddy.sql.codegen.RexCompiler;
import io.eddy.sql.plan.CorrelateNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.table.functions.TableFunction;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.correlate.CorrelateFunction;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * {@code FROM t, LATERAL TABLE(f(t.x))} and {@code LEFT JOIN LATERAL TABLE(...) ON TRUE}: a
 * Calcite Correlate whose right side is a user table function's scan becomes a
 * {@link CorrelateNode}; the function's arguments, which read the left row through the
 * correlation variable, are compiled over the left row.
 */
final class CorrelateRule {
  private CorrelateRule() {}

  /** Whether {@code correlate} joins each row with a user table function's rows (LATERAL TABLE). */
  static boolean matches(LogicalCorrelate correlate) {
    return correlate.getRight() instanceof LogicalTableFunctionScan scan && scan.getCall() instanceof RexCall call
        && call.getOperator() instanceof TableFunctionOperator;
  }

  static PhysicalNode plan(LogicalCorrelate correlate, PhysicalNode left) {
    RelNode right = correlate.getRight();
    if (!(right instanceof LogicalTableFunctionScan scan) || !(scan.getCall() instanceof RexCall call)
        || !(call.getOperator() instanceof TableFunctionOperator op)) {
      throw new UnsupportedOperationException("Only LATERAL TABLE(<user table function>) is supported in a correlated"
          + " join, not " + right.explain().strip().lines().findFirst().orElse(""));
    }
    if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
      throw new UnsupportedOperationException(correlate.getJoinType() + " JOIN LATERAL TABLE is not supported (INNER or LEFT)");
    }
    List<RexNode> args = new ArrayList<>();
    List<LogicalType> argTypes = new ArrayList<>();
    RexShuttle toLeftRow = new RexShuttle() {
      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable v && v.id.equals(correlate.getCorrelationId())) {
          return new RexInputRef(access.getField().getIndex(), access.getType());
        }
        return super.visitFieldAccess(access);
      }
    };
    for (RexNode operand : call.getOperands()) {
      args.add(operand.accept(toLeftRow));
      argTypes.add(TypeConversion.toLogicalType(operand.getType()));
    }
    RowExpression[] compiled = new RexCompiler(correlate.getCluster().getRexBuilder()).compile(args)
        .toArray(RowExpression[]::new);
    TableFunction<?> instance;
    try {
      instance = op.functionClass().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot instantiate " + op.functionClass().getName() + ": " + e, e);
    }
    boolean leftOuter = correlate.getJoinType() == JoinRelType.LEFT;
    CorrelateFunction function = new CorrelateFunction(instance, op.resolve(argTypes), compiled,
        op.outputRowType().fieldCount(), op.collectsValues(), leftOuter);
    return new CorrelateNode(left, TypeConversion.toLogicalType(correlate.getRowType()), function,
        "invocation=[" + call + "], joinType=[" + correlate.getJoinType() + "]");
  }
}
