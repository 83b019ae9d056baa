package io.eddy.sql.planner;

import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Turns a Correlate's right-side expression (over the right row and the correlated left row) into
 * one over the joined row: right fields move past the left ones, reads of the correlation
 * variable become left fields. What a rule needs when it makes a join of a Correlate (subquery
 * semi/anti joins, temporal joins).
 */
final class CorrelatedRowRefs {
  private CorrelatedRowRefs() {}

  static RexShuttle toJoinedRow(CorrelationId correlation, int leftCount) {
    return new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(leftCount + ref.getIndex(), ref.getType());
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable v && v.id.equals(correlation)) {
          return new RexInputRef(access.getField().getIndex(), access.getType());
        }
        return super.visitFieldAccess(access);
      }
    };
  }
}
