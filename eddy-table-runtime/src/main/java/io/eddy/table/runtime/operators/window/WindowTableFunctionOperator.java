package io.eddy.table.runtime.operators.window;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import java.time.LocalDateTime;

/**
 * A window table function (TUMBLE, HOP, CUMULATE) used on its own, not under a window
 * aggregation (Flink's WindowTableFunctionOperator): each insert row is emitted once per window of
 * its event time (the TIMESTAMP field {@code timeField}) with {@code window_start, window_end,
 * window_time} (end - 1 ms) appended. A row whose window has already fired (end - 1 <= the
 * watermark) is late and is not emitted for that window, as downstream window operators would
 * drop it; a NULL time has no window. Stateless; insert-only in and out.
 */
public final class WindowTableFunctionOperator extends ProcessFunction<Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final WindowAssignment windows;
  private final int timeField;

  public WindowTableFunctionOperator(WindowAssignment windows, int timeField) {
    this.windows = windows;
    this.timeField = timeField;
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("A window table function got a " + row.getKind().shortString()
          + " row; its input must be insert-only: " + row);
    }
    Object time = row.getField(timeField);
    if (time == null) {
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    windows.assign(WindowAggFunction.toMillis((LocalDateTime) time), end -> {
      if (end - 1 <= watermark) {
        return;
      }
      Object[] values = new Object[row.getArity() + 3];
      for (int i = 0; i < row.getArity(); i++) {
        values[i] = row.getField(i);
      }
      values[row.getArity()] = WindowAggFunction.toTimestamp(windows.startOf(end));
      values[row.getArity() + 1] = WindowAggFunction.toTimestamp(end);
      values[row.getArity() + 2] = WindowAggFunction.toTimestamp(end - 1);
      out.collect(Row.wrap(RowKind.INSERT, values));
    });
  }
}
