package io.eddy.sql.planner;

import io.eddy.sql.plan.ExpandNode;
import io.eddy.sql.plan.GroupAggregateNode;
import io.eddy.sql.plan.PhysicalNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * GROUPING SETS, ROLLUP and CUBE as Flink plans them: an {@link ExpandNode} copies each change
 * once per grouping set (fields outside the set NULL, plus the set's expand id {@code $e}), a
 * group aggregation groups by all grouping fields and {@code $e}, and a Calc drops {@code $e}
 * and computes GROUPING/GROUPING_ID from it. The expand id has bit {@code n-1-i} set when the
 * i-th of the n grouping fields is not in the set (Flink's numbering).
 */
final class GroupingSetsRule {
  private GroupingSetsRule() {}

  static PhysicalNode plan(PhysicalPlanner planner, Aggregate aggregate) {
    RexBuilder b = aggregate.getCluster().getRexBuilder();
    RelDataTypeFactory types = b.getTypeFactory();
    int[] keys = aggregate.getGroupSet().toArray();
    List<ImmutableBitSet> sets = aggregate.getGroupSets();
    int[][] nulled = new int[sets.size()][];
    long[] ids = new long[sets.size()];
    for (int s = 0; s < sets.size(); s++) {
      List<Integer> nulls = new ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        if (!sets.get(s).get(keys[i])) {
          nulls.add(keys[i]);
          ids[s] |= 1L << (keys.length - 1 - i);
        }
      }
      nulled[s] = nulls.stream().mapToInt(Integer::intValue).toArray();
    }
    RelDataType inputType = aggregate.getInput().getRowType();
    RelDataTypeFactory.Builder expandType = types.builder();
    for (var field : inputType.getFieldList()) {
      boolean key = aggregate.getGroupSet().get(field.getIndex());
      expandType.add(field.getName(), key ? types.createTypeWithNullability(field.getType(), true) : field.getType());
    }
    RelDataType idType = types.createSqlType(SqlTypeName.BIGINT);
    expandType.add("$e", idType).uniquify();
    PhysicalNode expand = new ExpandNode(planner.plan(aggregate.getInput()),
        TypeConversion.toLogicalType(expandType.build()), nulled, ids);

    int idField = inputType.getFieldCount();
    int[] grouping = new int[keys.length + 1];
    System.arraycopy(keys, 0, grouping, 0, keys.length);
    grouping[keys.length] = idField;
    List<AggregateCall> aggregates = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (!isGrouping(call)) {
        aggregates.add(call);
      }
    }
    RelDataTypeFactory.Builder aggType = types.builder();
    var outFields = aggregate.getRowType().getFieldList();
    for (int i = 0; i < keys.length; i++) {
      aggType.add(outFields.get(i).getName(), outFields.get(i).getType());
    }
    aggType.add("$e", idType);
    for (AggregateCall call : aggregates) {
      aggType.add(call.getName() == null ? "$f" + aggType.getFieldCount() : call.getName(), call.getType());
    }
    boolean retractions = !expand.changelogMode().isInsertOnly();
    PhysicalNode grouped = new GroupAggregateNode(expand, TypeConversion.toLogicalType(aggType.uniquify().build()),
        grouping, planner.calls(aggregate.getInput(), aggregates, retractions, i -> i));

    RelDataType groupedType = TypeConversion.toTableRowType(types, grouped.rowType());
    RexNode id = b.makeInputRef(groupedType.getFieldList().get(keys.length).getType(), keys.length);
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      projections.add(b.makeInputRef(groupedType.getFieldList().get(i).getType(), i));
    }
    int next = keys.length + 1;
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (isGrouping(call)) {
        projections.add(grouping(b, call, sets, ids, id));
      } else {
        projections.add(b.makeInputRef(groupedType.getFieldList().get(next).getType(), next));
        next++;
      }
    }
    return planner.calc(grouped, null, projections, aggregate.getRowType(), b);
  }

  private static boolean isGrouping(AggregateCall call) {
    SqlKind kind = call.getAggregation().getKind();
    if (kind == SqlKind.GROUP_ID) {
      throw new UnsupportedOperationException("GROUP_ID() is not supported");
    }
    return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID;
  }

  /** GROUPING(a, b, ...) as CASE $e WHEN id THEN value ... END: bit m-1-j set when argument j is not grouped. */
  private static RexNode grouping(RexBuilder b, AggregateCall call, List<ImmutableBitSet> sets, long[] ids, RexNode id) {
    List<RexNode> operands = new ArrayList<>();
    List<Integer> args = call.getArgList();
    for (int s = 0; s < sets.size(); s++) {
      long value = 0;
      for (int j = 0; j < args.size(); j++) {
        if (!sets.get(s).get(args.get(j))) {
          value |= 1L << (args.size() - 1 - j);
        }
      }
      operands.add(b.makeCall(SqlStdOperatorTable.EQUALS, id, b.makeExactLiteral(BigDecimal.valueOf(ids[s]), id.getType())));
      operands.add(b.makeExactLiteral(BigDecimal.valueOf(value), call.getType()));
    }
    operands.add(b.makeExactLiteral(BigDecimal.ZERO, call.getType()));
    return b.makeCall(call.getType(), SqlStdOperatorTable.CASE, operands);
  }
}
