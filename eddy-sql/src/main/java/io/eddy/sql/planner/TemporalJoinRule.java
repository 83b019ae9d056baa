package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.catalog.Column;
import io.eddy.sql.connector.LookupTableSource;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.TemporalJoinNode;
import io.eddy.sql.plan.UpsertKeys;
import io.eddy.table.runtime.operators.join.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/**
 * {@code JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON ...}: Calcite's Correlate of the
 * left input with a (filtered) Snapshot of the versioned table becomes a {@link TemporalJoinNode}
 * as Flink's temporal join rules plan it (LogicalCorrelateToJoinFromTemporalTableRule,
 * TemporalJoinRewriteWithUniqueKeyRule, StreamPhysicalTemporalJoinRule): the period must be the
 * left input's rowtime attribute; the versioned table needs a primary key (a table's, or the upsert
 * key of a deduplicating view) that the equi-join keys on its side contain, and a rowtime
 * attribute; inner or left outer only. Refusals carry Flink's messages. AS OF a {@code PROCTIME()}
 * column is a processing-time temporal join: a lookup join ({@link LookupJoinRule}) when the
 * table's connector can be looked up (jdbc), otherwise refused with Flink's message.
 */
final class TemporalJoinRule {
  private TemporalJoinRule() {}

  static boolean matches(LogicalCorrelate correlate) {
    RelNode right = correlate.getRight();
    return (right instanceof LogicalCalc calc ? calc.getInput() : right) instanceof LogicalSnapshot;
  }

  static PhysicalNode plan(PhysicalPlanner planner, LogicalCorrelate correlate) {
    RelNode rightRel = correlate.getRight();
    LogicalCalc calc = rightRel instanceof LogicalCalc c ? c : null;
    LogicalSnapshot snapshot = (LogicalSnapshot) (calc != null ? calc.getInput() : rightRel);
    RelNode versioned = snapshot.getInput();
    int leftCount = correlate.getLeft().getRowType().getFieldCount();
    RexBuilder b = correlate.getCluster().getRexBuilder();
    PhysicalNode left = planner.plan(correlate.getLeft());
    String onlyTimeAttribute = "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time"
        + " attribute field";
    if (!(snapshot.getPeriod() instanceof RexFieldAccess period)
        || !(period.getReferenceExpr() instanceof RexCorrelVariable)) {
      throw new IllegalArgumentException(onlyTimeAttribute + "'"); // Flink's message, quote and all
    }
    JoinType type = switch (correlate.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      default -> throw new IllegalStateException("Unknown join type " + correlate.getJoinType());
    };
    RexShuttle toJoinRow = CorrelatedRowRefs.toJoinedRow(correlate.getCorrelationId(), leftCount);
    RexNode condition = b.makeLiteral(true);
    List<RexNode> rightProjections = new ArrayList<>();
    if (calc != null) {
      RexProgram program = calc.getProgram();
      if (program.getCondition() != null) {
        condition = program.expandLocalRef(program.getCondition()).accept(toJoinRow);
      }
      for (var ref : program.getProjectList()) {
        rightProjections.add(program.expandLocalRef(ref).accept(toJoinRow));
      }
    } else {
      for (int i = 0; i < versioned.getRowType().getFieldCount(); i++) {
        rightProjections.add(b.makeInputRef(versioned.getRowType().getFieldList().get(i).getType(), leftCount + i));
      }
    }
    PhysicalNode joined;
    if (isProcessingTime(correlate, period.getField().getIndex())) {
      LookupTableSource lookup = LookupJoinRule.lookupSource(versioned);
      if (lookup == null) {
        throw new UnsupportedOperationException("Processing-time temporal join is not supported yet.");
      }
      joined = LookupJoinRule.plan(left, versioned, lookup, type, condition, b);
    } else if (period.getField().getIndex() != left.rowtimeField()) {
      throw new IllegalArgumentException(onlyTimeAttribute);
    } else {
      joined = eventTime(planner, correlate, left, versioned, type, condition);
    }
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      projections.add(b.makeInputRef(correlate.getLeft().getRowType().getFieldList().get(i).getType(), i));
    }
    projections.addAll(rightProjections);
    return planner.calc(joined, null, projections, correlate.getRowType(), b);
  }

  /** The event-time temporal join of {@code left} with the versioned table; {@code condition} is over the joined row. */
  private static PhysicalNode eventTime(PhysicalPlanner planner, LogicalCorrelate correlate, PhysicalNode left,
      RelNode versioned, JoinType type, RexNode condition) {
    PhysicalNode right = planner.plan(versioned);
    LogicalJoin join = LogicalJoin.create(correlate.getLeft(), versioned, List.of(), condition, Set.<CorrelationId>of(),
        JoinRelType.INNER);
    EquiJoin equi = EquiJoin.of(join, condition);
    if (equi.leftKeys().length == 0) {
      throw new IllegalArgumentException("Currently the join key in Temporal Table Join can not be empty.");
    }
    int[] primaryKey = primaryKey(versioned, right, equi.rightKeys());
    if (primaryKey == null || !Arrays.stream(primaryKey).allMatch(k -> Arrays.stream(equi.rightKeys()).anyMatch(r -> r == k))) {
      throw new IllegalArgumentException("Temporal Table Join requires primary key in versioned table, but no primary"
          + " key can be found. The physical plan is:\n" + correlate.explain());
    }
    if (right.versionTimeField() < 0) {
      throw new IllegalArgumentException("Event-Time Temporal Table Join requires both primary key and row time"
          + " attribute in versioned table, but no row time attribute can be found.");
    }
    return new TemporalJoinNode(left, right, TypeConversion.toLogicalType(join.getRowType()), type,
        equi.leftKeys(), equi.rightKeys(), equi.residual(),
        PhysicalPlanner.describe(condition, join.getRowType().getFieldNames()));
  }

  /**
   * Flink's error for a right or full outer join of a snapshot ("Unknown join type RIGHT"), given
   * the assertion Calcite fails when it builds a Correlate of that type; null for any other error.
   * (With assertions off the Correlate is built and {@link #plan} refuses its type.)
   */
  static RuntimeException outerJoinError(Throwable e) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Correlate has invalid join type (\\w+)")
        .matcher(String.valueOf(e.getMessage()));
    return m.find() ? new IllegalStateException("Unknown join type " + m.group(1)) : null;
  }

  /** Whether field {@code field} of the left input is a table's {@code PROCTIME()} column, unchanged. */
  private static boolean isProcessingTime(LogicalCorrelate correlate, int field) {
    RelColumnOrigin origin = correlate.getCluster().getMetadataQuery().getColumnOrigin(correlate.getLeft(), field);
    if (origin == null || origin.isDerived() || origin.getOriginTable().unwrap(CatalogTableAdapter.class) == null) {
      return false;
    }
    CatalogTable table = origin.getOriginTable().unwrap(CatalogTableAdapter.class).table();
    Column column = table.columns().get(origin.getOriginColumnOrdinal());
    return column.isProctime();
  }

  /**
   * The versioned table's key: the smallest of its upsert keys inside the join key, else its
   * smallest, else the primary key of a table scanned directly; null if none.
   */
  private static int[] primaryKey(RelNode versioned, PhysicalNode right, int[] joinKeys) {
    UpsertKeys keys = right.upsertKeys();
    int[] key = keys.anyWithin(joinKeys) ? keys.within(joinKeys).smallest() : keys.smallest();
    if (key != null) {
      return key;
    }
    if (versioned instanceof TableScan scan && scan.getTable().unwrap(CatalogTableAdapter.class) != null) {
      CatalogTable table = scan.getTable().unwrap(CatalogTableAdapter.class).table();
      return table.primaryKey().isEmpty() ? null : table.primaryKey().stream().mapToInt(table::columnIndex).toArray();
    }
    return null;
  }
}
