package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.window.WindowAggFunction;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Aggregation over a window table function (Flink's WindowAggregate): insert-only in, one
 * insert row per key and window out when the watermark passes the window's end:
 * {@code [grouping fields, aggregates, window_start, window_end, window_time]}, keyed by the
 * grouping fields with any one window property ({@link UpsertKeys#windowAggregate}). Over a
 * processing-time attribute ({@code proctime}) the windows are those of the task's clock and fire
 * by it, and window_time is a processing-time attribute of the output; whether the windows still
 * open at the end of a bounded input fire is {@link TranslationContext#fireProctimeWindowsAtEnd}.
 */
public final class WindowAggregateNode extends PhysicalNode {
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final WindowAssignment windows;
  private final int timeField;
  private final boolean proctime;

  public WindowAggregateNode(PhysicalNode input, LogicalType rowType, int[] grouping, List<AggregateCall> calls,
      WindowAssignment windows, int timeField, boolean proctime) {
    super(List.of(input), rowType);
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("Window aggregation over an updating input (" + input.name()
          + " produces " + input.changelogMode() + ") is not supported");
    }
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.windows = windows;
    this.timeField = timeField;
    this.proctime = proctime;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.windowAggregate(grouping.length, rowType().fieldCount(), startsDiffer(windows));
  }

  /** Whether the windows of a key all start at different times: not cumulating ones, which share their start. */
  private static boolean startsDiffer(WindowAssignment windows) {
    return windows instanceof WindowAssignment.Attached attached ? startsDiffer(attached.upstream())
        : !(windows instanceof WindowAssignment.Cumulate);
  }

  @Override
  public int[] windowBounds() {
    int n = rowType().fieldCount();
    return new int[] {n - 3, n - 2};
  }

  @Override
  public int proctimeField() {
    return proctime ? rowType().fieldCount() - 1 : -1;
  }

  @Override
  public WindowAssignment windowing() {
    return windows;
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
    sb.append("window=[").append(windows).append(" on ").append(input().field(timeField))
        .append(proctime ? " (processing time)" : "").append("], select=[");
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
        .process(proctime
            ? WindowAggFunction.processingTime(windows, new Accumulators(calls), context.fireProctimeWindowsAtEnd())
            : new WindowAggFunction(windows, timeField, new Accumulators(calls)))
        .name("WindowAggregate");
  }
}
