package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.runtime.operators.window.WindowTableFunctionOperator;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * A window table function (TUMBLE, HOP, CUMULATE) not consumed by a window aggregation (Flink's
 * WindowTableFunction): the input's rows, once per window, with {@code window_start, window_end,
 * window_time} appended. Insert-only in and out; {@code window_time} is the output's rowtime
 * attribute (the input's time column becomes a plain timestamp, as in Flink). Stateless, so it
 * runs at its input's parallelism.
 */
public final class WindowTableFunctionNode extends PhysicalNode {
  private final WindowAssignment windows;
  private final int timeField;

  public WindowTableFunctionNode(PhysicalNode input, LogicalType rowType, WindowAssignment windows, int timeField) {
    super(List.of(input), rowType);
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("A window table function over an updating input (" + input.name()
          + " produces " + input.changelogMode() + ") is not supported");
    }
    this.windows = windows;
    this.timeField = timeField;
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
  public int rowtimeField() {
    return rowType().fieldCount() - 1;
  }

  @Override
  public int[] windowBounds() {
    int n = rowType().fieldCount();
    return new int[] {n - 3, n - 2};
  }

  @Override
  public WindowAssignment windowing() {
    return windows;
  }

  @Override
  public String name() {
    return "WindowTableFunction";
  }

  @Override
  public String attributes() {
    return "window=[" + windows + " on " + input().field(timeField) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> in = context.streamOf(input());
    return in.process(new WindowTableFunctionOperator(windows, timeField)).name("WindowTableFunction")
        .setParallelism(in.getParallelism());
  }
}
