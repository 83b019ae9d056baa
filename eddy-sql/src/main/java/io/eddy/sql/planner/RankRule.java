package io.eddy.sql.planner;

import io.eddy.sql.plan.DeduplicateNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.RankNode;
import io.eddy.sql.plan.WindowRankNode;
import io.eddy.table.runtime.operators.rank.SortSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Flink's rank rules: {@code Calc(rn <= N, ...)} over a window whose only aggregate is
 * {@code ROW_NUMBER()} becomes a {@link RankNode} with the constant rank range taken from the
 * conditions on rn ({@code <=, <, =, >=, >}, either side), or a {@link DeduplicateNode} when the
 * range is exactly 1, the order is one time attribute, the rank is not selected and the input is
 * insert-only (as Flink's deduplicate rule). Partitioned by window_start and window_end of a
 * windowed input (a window table function or window aggregation) it is a {@link WindowRankNode}
 * (Flink's window Top-N, and window deduplication when the top-1 is by one time column). The
 * Calc's other conditions and its projections stay in a Calc above. RANK() and DENSE_RANK() are
 * refused with Flink's streaming planner's messages.
 */
final class RankRule {
  private RankRule() {}

  /** Whether {@code window} computes just ROW_NUMBER(), RANK() or DENSE_RANK(). */
  static boolean matches(LogicalWindow window) {
    return window.groups.size() == 1 && window.groups.get(0).aggCalls.size() == 1
        && switch (window.groups.get(0).aggCalls.get(0).getOperator().getKind()) {
          case ROW_NUMBER, RANK, DENSE_RANK -> true;
          default -> false;
        };
  }

  private static void requireRowNumber(LogicalWindow window, boolean windowed) {
    SqlKind kind = window.groups.get(0).aggCalls.get(0).getOperator().getKind();
    if (kind != SqlKind.ROW_NUMBER) {
      String function = kind == SqlKind.RANK ? "RANK()" : "DENSE_RANK()";
      throw new UnsupportedOperationException(windowed
          ? function + " function is not supported on Window TopN currently, only ROW_NUMBER() is supported."
          : function + " on streaming table is not supported currently");
    }
  }

  static PhysicalNode plan(PhysicalPlanner planner, LogicalCalc calc, LogicalWindow window) {
    Window.Group group = window.groups.get(0);
    int rank = window.getInput().getRowType().getFieldCount();
    RexProgram program = calc.getProgram();
    RexBuilder b = calc.getCluster().getRexBuilder();
    List<RexNode> projections = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projections.add(program.expandLocalRef(ref));
    }
    long start = 1;
    long end = Long.MAX_VALUE;
    List<RexNode> rest = new ArrayList<>();
    List<RexNode> conjunctions = program.getCondition() == null ? List.of()
        : RelOptUtil.conjunctions(program.expandLocalRef(program.getCondition()));
    for (RexNode c : conjunctions) {
      long[] bound = bound(c, rank);
      if (bound == null) {
        rest.add(c);
      } else {
        start = Math.max(start, bound[0]);
        end = Math.min(end, bound[1]);
      }
    }
    if (end == Long.MAX_VALUE) {
      throw new UnsupportedOperationException("ROW_NUMBER() needs a filter bounding it from above (rn <= N) to be a"
          + " Top-N; an unbounded ROW_NUMBER() is not supported");
    }
    if (end < start) {
      throw new UnsupportedOperationException("the ROW_NUMBER() filter selects no rank (rank range [" + start + ", "
          + end + "])");
    }
    boolean rankSelected = RelOptUtil.InputFinder.bits(projections, rest.isEmpty() ? null : RexUtil.composeConjunction(b, rest))
        .get(rank);
    PhysicalNode input = planner.plan(window.getInput());
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    int[] partition = group.keys.toArray();
    int[] bounds = input.windowBounds();
    boolean windowed = bounds != null && group.keys.get(bounds[0]) && group.keys.get(bounds[1]);
    requireRowNumber(window, windowed);
    PhysicalNode ranked;
    int rowtime = input.rowtimeField();
    if (windowed) {
      var rowType = rankSelected ? window.getRowType() : window.getInput().getRowType();
      boolean deduplicateLast = start == 1 && end == 1 && !rankSelected && order.size() == 1
          && order.get(0).direction.isDescending() && window.getInput().getRowType().getFieldList()
              .get(order.get(0).getFieldIndex()).getType().getSqlTypeName().getFamily() == SqlTypeFamily.TIMESTAMP;
      ranked = new WindowRankNode(input, TypeConversion.toLogicalType(rowType), partition, sortSpec(order), start, end,
          rankSelected, deduplicateLast);
    } else if (start == 1 && end == 1 && !rankSelected && order.size() == 1 && input.changelogMode().isInsertOnly()
        && isTimeAttribute(order.get(0).getFieldIndex(), input)) {
      // by the proctime attribute: arrival order, first (ASC) or last (DESC) row, as Flink
      ranked = new DeduplicateNode(input, partition, order.get(0).direction.isDescending(),
          order.get(0).getFieldIndex() == rowtime ? rowtime : -1);
    } else {
      var rowType = rankSelected ? window.getRowType() : window.getInput().getRowType();
      ranked = new RankNode(input, TypeConversion.toLogicalType(rowType), partition, sortSpec(order), start, end,
          rankSelected);
    }
    return planner.calc(ranked, rest.isEmpty() ? null : RexUtil.composeConjunction(b, rest), projections,
        calc.getRowType(), b);
  }

  private static boolean isTimeAttribute(int field, PhysicalNode input) {
    return field >= 0 && (field == input.rowtimeField() || field == input.proctimeField());
  }

  /**
   * {@code ORDER BY ... LIMIT n [OFFSET m]}: as Flink, a Top-N over the whole input (one partition,
   * ranks m+1 to m+n, the rank not selected), whose result updates as rows arrive; an ORDER BY
   * without LIMIT is refused as Flink's streaming planner refuses it.
   */
  static PhysicalNode planSort(PhysicalPlanner planner, LogicalSort sort) {
    List<RelFieldCollation> order = sort.getCollation().getFieldCollations();
    if (sort.fetch == null) {
      if (sort.offset == null && order.isEmpty()) {
        return planner.plan(sort.getInput());
      }
      throw new UnsupportedOperationException("Sort on a non-time-attribute field is not supported.");
    }
    long offset = sort.offset == null ? 0 : ((RexLiteral) sort.offset).getValueAs(BigDecimal.class).longValueExact();
    long fetch = ((RexLiteral) sort.fetch).getValueAs(BigDecimal.class).longValueExact();
    if (fetch == 0) {
      throw new UnsupportedOperationException("LIMIT 0 selects no rows");
    }
    PhysicalNode input = planner.plan(sort.getInput());
    return new RankNode(input, TypeConversion.toLogicalType(sort.getInput().getRowType()), new int[0],
        sortSpec(order), offset + 1, offset + fetch, false);
  }

  /**
   * The sort of an ORDER BY; NULLs as Flink orders them when unspecified (first when ascending,
   * last when descending).
   */
  static SortSpec sortSpec(List<RelFieldCollation> order) {
    int[] fields = new int[order.size()];
    boolean[] ascending = new boolean[order.size()];
    boolean[] nullsFirst = new boolean[order.size()];
    for (int i = 0; i < fields.length; i++) {
      RelFieldCollation c = order.get(i);
      fields[i] = c.getFieldIndex();
      ascending[i] = !c.direction.isDescending();
      nullsFirst[i] = switch (c.nullDirection) {
        case FIRST -> true;
        case LAST -> false;
        case UNSPECIFIED -> ascending[i];
      };
    }
    return new SortSpec(fields, ascending, nullsFirst);
  }

  /** {@code [start, end]} of a comparison between the rank field and an integer literal, else null. */
  private static long[] bound(RexNode condition, int rank) {
    if (!(condition instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    SqlKind kind = call.getKind();
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (!isRank(left, rank) && isRank(right, rank)) {
      RexNode t = left;
      left = right;
      right = t;
      kind = kind.reverse();
    }
    if (!isRank(left, rank) || !(right instanceof RexLiteral literal) || !(literal.getValue() instanceof BigDecimal)) {
      return null;
    }
    long n = literal.getValueAs(BigDecimal.class).longValueExact();
    return switch (kind) {
      case LESS_THAN_OR_EQUAL -> new long[] {1, n};
      case LESS_THAN -> new long[] {1, n - 1};
      case EQUALS -> new long[] {n, n};
      case GREATER_THAN_OR_EQUAL -> new long[] {n, Long.MAX_VALUE};
      case GREATER_THAN -> new long[] {n + 1, Long.MAX_VALUE};
      default -> null;
    };
  }

  private static boolean isRank(RexNode node, int rank) {
    return node instanceof RexInputRef ref && ref.getIndex() == rank;
  }
}
