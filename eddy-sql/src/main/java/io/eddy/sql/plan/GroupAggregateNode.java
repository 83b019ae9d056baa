package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.GroupAggFunction;
import io.eddy.table.runtime.operators.aggregate.GroupAggregation;
import io.eddy.table.types.LogicalType;
import java.util.EnumSet;
import java.util.List;

/**
 * Group aggregation without windows (Flink's GroupAggregate): keyed by the grouping fields,
 * consumes any changelog and produces updates, {@code [I,UB,UA]} over an insert-only input and
 * {@code [I,UB,UA,D]} over an updating one (a group can disappear), without -U rows when no
 * consumer needs them; the grouping fields (output 0..k-1) are the upsert key.
 */
public final class GroupAggregateNode extends PhysicalNode {
  private final int[] grouping;
  private final List<AggregateCall> calls;

  public GroupAggregateNode(PhysicalNode input, LogicalType rowType, int[] grouping, List<AggregateCall> calls) {
    super(List.of(input), rowType);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
  }

  @Override
  public ChangelogMode changelogMode() {
    return input().changelogMode().isInsertOnly()
        ? ChangelogMode.of(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER))
        : ChangelogMode.all();
  }

  @Override
  public boolean canOmitUpdateBefore() {
    return true;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.firstFields(grouping.length);
  }

  @Override
  public String name() {
    return "GroupAggregate";
  }

  @Override
  public String attributes() {
    StringBuilder sb = new StringBuilder();
    if (grouping.length > 0) {
      sb.append("groupBy=[").append(input().fields(grouping)).append("], ");
    }
    sb.append("select=[").append(String.join(", ", rowType().fieldNames().subList(0, grouping.length)));
    for (int i = 0; i < calls.size(); i++) {
      sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(calls.get(i).name()).append(" AS ")
          .append(field(grouping.length + i));
    }
    return sb.append("]").toString();
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    GroupAggregation aggregation = new GroupAggregation(new Accumulators(calls), context.updateBefore(this));
    return context.streamOf(input()).keyBy(new RowKeySelector(grouping))
        .process(new GroupAggFunction(aggregation, context.stateTtl())).name("GroupAggregate");
  }
}
