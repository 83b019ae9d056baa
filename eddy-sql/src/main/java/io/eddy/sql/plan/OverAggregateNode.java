package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.over.OverAggFunction;
import io.eddy.table.runtime.operators.over.OverFrame;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * OVER aggregation (Flink's OverAggregate): keyed by the partition fields, every input row with
 * the aggregates over its frame appended, emitted in order of the time field once the watermark
 * passed it; insert-only out. An updating input is accepted when ordered by a time column that is
 * not the rowtime (rows final once the watermark is past them; see {@link OverAggFunction}).
 * Ordered by the processing-time attribute it follows the task's clock (insert-only input).
 */
public final class OverAggregateNode extends PhysicalNode {
  private final int[] partition;
  private final int orderField;
  private final OverFrame frame;
  private final List<AggregateCall> calls;

  public OverAggregateNode(PhysicalNode input, LogicalType rowType, int[] partition, int orderField, OverFrame frame,
      List<AggregateCall> calls) {
    super(List.of(input), rowType);
    this.partition = partition.clone();
    this.orderField = orderField;
    this.frame = frame;
    this.calls = List.copyOf(calls);
    if (proctime() && !input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("OVER aggregation ordered by a processing-time attribute over an "
          + "updating input (" + input.name() + " produces " + input.changelogMode() + ") is not supported");
    }
  }

  /** Whether the order field is the input's processing-time attribute. */
  private boolean proctime() {
    return input().proctimeField() == orderField && input().rowtimeField() != orderField;
  }

  /** 0 when ordered by the rowtime of an insert-only input (Flink's rule), else 1: past the value. */
  private long finalizeAfter() {
    return input().rowtimeField() == orderField && input().changelogMode().isInsertOnly() ? 0 : 1;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "OverAggregate";
  }

  @Override
  public String attributes() {
    List<String> names = new java.util.ArrayList<>(input().rowType().fieldNames());
    for (AggregateCall call : calls) {
      names.add(call.name());
    }
    return (partition.length > 0 ? "partitionBy=[" + input().fields(partition) + "], " : "") + "orderBy=["
        + input().field(orderField) + " ASC], window=[" + frame + "], select=[" + String.join(", ", names) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(input()).keyBy(new RowKeySelector(partition))
        .process(proctime()
            ? OverAggFunction.processingTime(orderField, frame, new Accumulators(calls), context.stateTtl())
            : new OverAggFunction(orderField, frame, new Accumulators(calls), finalizeAfter(), context.stateTtl()))
        .name("OverAggregate");
  }
}
