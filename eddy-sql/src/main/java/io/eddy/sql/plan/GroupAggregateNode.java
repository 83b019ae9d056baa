package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.GroupAggFunction;
import io.eddy.table.runtime.operators.aggregate.GroupAggregation;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Group aggregation without windows (Flink's GroupAggregate): keyed by the grouping fields,
 * consumes any changelog and produces updates: {@code [I,UB,UA,D]}, or {@code [I,UA,D]} when no
 * consumer needs update-before rows; the grouping fields (output 0..k-1) are the upsert key.
 */
public final class GroupAggregateNode extends PhysicalNode {
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final boolean generateUpdateBefore;

  public GroupAggregateNode(PhysicalNode input, LogicalType rowType, int[] grouping, List<AggregateCall> calls,
      boolean generateUpdateBefore) {
    super(List.of(input), rowType);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.generateUpdateBefore = generateUpdateBefore;
  }

  /** The same aggregation emitting or omitting update-before rows. */
  public GroupAggregateNode withUpdateBefore(boolean updateBefore) {
    return new GroupAggregateNode(input(), rowType(), grouping, calls, updateBefore);
  }

  @Override
  public ChangelogMode changelogMode() {
    return generateUpdateBefore ? ChangelogMode.all() : ChangelogMode.upsert();
  }

  @Override
  public int[] upsertKey() {
    int[] key = new int[grouping.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = i;
    }
    return key;
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
    for (AggregateCall call : calls) {
      sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ", ").append(call.name());
    }
    return sb.append("]").toString();
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    GroupAggregation aggregation = new GroupAggregation(new Accumulators(calls), generateUpdateBefore);
    return context.streamOf(input()).keyBy(new RowKeySelector(grouping))
        .process(new GroupAggFunction(aggregation, context.stateTtl())).name("GroupAggregate");
  }
}
