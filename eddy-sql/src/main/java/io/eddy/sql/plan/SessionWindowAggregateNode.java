package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.window.SessionWindowAggFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Aggregation over session windows (Flink's WindowAggregate over SESSION, or the legacy
 * GroupWindowAggregate over {@code GROUP BY SESSION(...)}): insert-only in, one insert row per key
 * and session when the watermark passes its end: {@code [grouping fields, aggregates,
 * window_start, window_end, window_time]}.
 */
public final class SessionWindowAggregateNode extends PhysicalNode {
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final long gap;
  private final int timeField;

  public SessionWindowAggregateNode(PhysicalNode input, LogicalType rowType, int[] grouping, List<AggregateCall> calls,
      long gap, int timeField) {
    super(List.of(input), rowType);
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("Session window aggregation over an updating input (" + input.name()
          + " produces " + input.changelogMode() + ") is not supported");
    }
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.gap = gap;
    this.timeField = timeField;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.windowAggregate(grouping.length, rowType().fieldCount(), true);
  }

  @Override
  public String name() {
    return "WindowAggregate";
  }

  @Override
  public String attributes() {
    StringBuilder sb = new StringBuilder();
    if (grouping.length > 0) {
      sb.append("groupBy=[").append(input().fields(grouping)).append("], ");
    }
    sb.append("window=[Session[gap=").append(gap).append("] on ").append(input().field(timeField)).append("], select=[");
    List<String> names = new java.util.ArrayList<>(rowType().fieldNames().subList(0, grouping.length));
    for (AggregateCall call : calls) {
      names.add(call.name());
    }
    names.addAll(List.of("window_start", "window_end", "window_time"));
    return sb.append(String.join(", ", names)).append("]").toString();
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(input()).keyBy(new RowKeySelector(grouping))
        .process(new SessionWindowAggFunction(gap, timeField, new Accumulators(calls))).name("WindowAggregate");
  }
}
