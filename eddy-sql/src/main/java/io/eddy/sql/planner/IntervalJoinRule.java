package io.eddy.sql.planner;

import io.eddy.sql.codegen.RexCompiler;
import io.eddy.sql.plan.IntervalJoinNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.table.runtime.operators.join.JoinType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Flink's interval join rule (IntervalJoinUtil.extractWindowBoundsFromPredicate and
 * StreamPhysicalIntervalJoinRule): a join becomes an {@link IntervalJoinNode} exactly when its
 * condition, in conjunctive normal form, has two range predicates ({@code <, <=, >, >=}) bounding
 * the left time attribute by the right one from below and from above, or a single equality of
 * the two, each predicate comparing an expression of one input's time attribute with one of the
 * other's and nothing else (constants aside). The bounds are the predicates evaluated with both
 * time attributes at zero. The other conjuncts are the join's keys and residual condition. The
 * time attributes are the inputs' event-time attributes (Eddy has no processing-time attribute).
 */
final class IntervalJoinRule {
  private IntervalJoinRule() {}

  /** A range or equality conjunct between the two time attributes; the left input's on the left of it or not. */
  private record TimePredicate(RexCall call, boolean leftInputOnLeftSide) {}

  private record Bound(long value, boolean isLeftLower) {}

  /** The interval join of {@code join}, or null when its condition bounds no time interval. */
  static PhysicalNode plan(LogicalJoin join, JoinType type, PhysicalNode left, PhysicalNode right, String described) {
    int leftTime = left.rowtimeField();
    int rightTime = right.rowtimeField();
    if (leftTime < 0 || rightTime < 0) {
      return null;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    RexBuilder b = join.getCluster().getRexBuilder();
    RexNode cnf = RexUtil.toCnf(b, join.getCondition());
    if (!(cnf instanceof RexCall)) {
      return null;
    }
    List<TimePredicate> timePredicates = new ArrayList<>();
    List<RexNode> others = new ArrayList<>();
    for (RexNode conjunct : cnf.getKind() == SqlKind.AND ? ((RexCall) cnf).getOperands() : List.of(cnf)) {
      TimePredicate t = timePredicate(conjunct, leftCount, leftTime, leftCount + rightTime);
      if (t != null) {
        timePredicates.add(t);
      } else {
        others.add(conjunct);
      }
    }
    boolean anyEquals = timePredicates.stream().anyMatch(t -> t.call().getKind() == SqlKind.EQUALS);
    boolean valid = timePredicates.size() == 1 ? anyEquals : timePredicates.size() == 2 && !anyEquals;
    if (!valid) {
      return null;
    }
    List<Bound> bounds = new ArrayList<>();
    for (TimePredicate t : timePredicates) {
      Bound bound = bound(t, b, leftTime, leftCount + rightTime);
      if (bound == null) {
        return null;
      }
      bounds.add(bound);
    }
    long lower;
    long upper;
    if (bounds.size() == 1) {
      lower = bounds.get(0).value();
      upper = lower;
    } else if (bounds.get(0).isLeftLower() != bounds.get(1).isLeftLower()) {
      lower = bounds.get(0).isLeftLower() ? bounds.get(0).value() : bounds.get(1).value();
      upper = bounds.get(0).isLeftLower() ? bounds.get(1).value() : bounds.get(0).value();
    } else {
      return null;
    }
    requireInsertOnly(left);
    requireInsertOnly(right);
    RexNode remaining = RexUtil.composeConjunction(b, others);
    EquiJoin equi = EquiJoin.of(join, remaining);
    return new IntervalJoinNode(left, right, TypeConversion.toLogicalType(join.getRowType()), type, lower, upper,
        leftTime, rightTime, equi.leftKeys(), equi.rightKeys(), equi.residual(), described);
  }

  private static void requireInsertOnly(PhysicalNode input) {
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("StreamPhysicalIntervalJoin doesn't support consuming update and delete"
          + " changes which is produced by node " + input.name() + "(" + input.attributes() + ")");
    }
  }

  /** {@code conjunct} as a time predicate, or null when it is an ordinary join predicate. */
  private static TimePredicate timePredicate(RexNode conjunct, int leftCount, int leftTime, int rightTime) {
    if (!(conjunct instanceof RexCall call) || !switch (call.getKind()) {
      case GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, EQUALS -> true;
      default -> false;
    }) {
      return null;
    }
    List<Integer> leftAccess = new ArrayList<>();
    List<Integer> rightAccess = new ArrayList<>();
    boolean onlyTime = collectRefs(call.getOperands().get(0), leftAccess, leftTime, rightTime)
        & collectRefs(call.getOperands().get(1), rightAccess, leftTime, rightTime);
    if (!onlyTime || leftAccess.size() != 1 || rightAccess.size() != 1) {
      return null;
    }
    boolean firstIsLeftInput = leftAccess.get(0) < leftCount;
    boolean secondIsLeftInput = rightAccess.get(0) < leftCount;
    return firstIsLeftInput == secondIsLeftInput ? null : new TimePredicate(call, firstIsLeftInput);
  }

  /** Adds the fields {@code e} reads to {@code refs}; false if one of them is not a time attribute. */
  private static boolean collectRefs(RexNode e, List<Integer> refs, int leftTime, int rightTime) {
    return switch (e) {
      case RexInputRef ref -> {
        refs.add(ref.getIndex());
        yield ref.getIndex() == leftTime || ref.getIndex() == rightTime;
      }
      case RexCall c -> {
        boolean only = true;
        for (RexNode operand : c.getOperands()) {
          only &= collectRefs(operand, refs, leftTime, rightTime);
        }
        yield only;
      }
      default -> true;
    };
  }

  /**
   * The bound a time predicate puts on {@code left.time - right.time} (Flink's
   * computeWindowBoundFromPredicate): both sides evaluated with the time attributes at zero.
   */
  private static Bound bound(TimePredicate t, RexBuilder b, int leftTime, int rightTime) {
    boolean isLeftLower = switch (t.call().getKind()) {
      case GREATER_THAN, GREATER_THAN_OR_EQUAL -> t.leftInputOnLeftSide();
      case LESS_THAN, LESS_THAN_OR_EQUAL -> !t.leftInputOnLeftSide();
      default -> true;
    };
    Long first = atZeroTime(t.call().getOperands().get(0), b, leftTime, rightTime);
    Long second = atZeroTime(t.call().getOperands().get(1), b, leftTime, rightTime);
    if (first == null || second == null) {
      return null;
    }
    long offset = t.leftInputOnLeftSide() ? second - first : first - second;
    long value = switch (t.call().getKind()) {
      case LESS_THAN -> t.leftInputOnLeftSide() ? offset - 1 : offset + 1;
      case GREATER_THAN -> t.leftInputOnLeftSide() ? offset + 1 : offset - 1;
      default -> offset;
    };
    return new Bound(value, isLeftLower);
  }

  /** The value of {@code e} in epoch milliseconds with the time attributes at zero, or null if it is not constant. */
  private static Long atZeroTime(RexNode e, RexBuilder b, int leftTime, int rightTime) {
    RexNode zeroed = e.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return b.makeZeroLiteral(ref.getType());
      }
    });
    if (!RelOptUtil.InputFinder.bits(zeroed).isEmpty()) {
      return null;
    }
    try {
      Object value = new RexCompiler(b).compile(zeroed).eval(new io.eddy.api.types.Row(0));
      return switch (value) {
        case LocalDateTime t -> t.toInstant(ZoneOffset.UTC).toEpochMilli();
        case Instant t -> t.toEpochMilli();
        case null, default -> null;
      };
    } catch (RuntimeException notConstant) {
      // Flink's reducer leaves such an expression unreduced: no bound, a regular join.
      return null;
    }
  }
}
