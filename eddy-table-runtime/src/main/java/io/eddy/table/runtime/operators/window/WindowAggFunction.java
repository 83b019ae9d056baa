package io.eddy.table.runtime.operators.window;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Window aggregation over a window table function (Flink's WindowAggregate) on a stream keyed by
 * the group key: each insert row joins the windows of its event time (the TIMESTAMP field
 * {@code timeField}); a window's accumulator waits in map state under its end, and when the
 * watermark passes the end an event-time timer emits one insert row
 * {@code [key fields, aggregate values, window_start, window_end, window_time]} and drops the
 * window. A row whose window has already fired (window end - 1 <= watermark) is late and is
 * dropped from that window, as in Flink. Input must be insert-only (the planner checks);
 * output is insert-only.
 */
public final class WindowAggFunction extends KeyedProcessFunction<Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final WindowAssignment windows;
  private final int timeField;
  private final Accumulators accumulators;
  private transient MapState<Long, Row> open;

  public WindowAggFunction(WindowAssignment windows, int timeField, Accumulators accumulators) {
    this.windows = windows;
    this.timeField = timeField;
    this.accumulators = accumulators;
  }

  @Override
  public void open(OpenContext openContext) {
    open = getRuntimeContext().getMapState(new MapStateDescriptor<>("windows",
        TypeSerializers.of(Long.class), TypeSerializers.<Row>generic()));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("Window aggregation got a " + row.getKind().shortString()
          + " row; its input must be insert-only: " + row);
    }
    Object time = row.getField(timeField);
    if (time == null) {
      return;
    }
    long timestamp = toMillis((LocalDateTime) time);
    long watermark = ctx.timerService().currentWatermark();
    Exception[] failure = new Exception[1];
    windows.assign(timestamp, end -> {
      if (end - 1 <= watermark) {
        return;
      }
      try {
        Row acc = open.get(end);
        if (acc == null) {
          acc = accumulators.create();
          ctx.timerService().registerEventTimeTimer(end - 1);
        }
        accumulators.apply(acc, row);
        open.put(end, acc);
      } catch (Exception e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    long end = timestamp + 1;
    Row acc = open.get(end);
    if (acc == null) {
      return;
    }
    open.remove(end);
    Row key = ctx.getCurrentKey();
    Object[] values = new Object[key.getArity() + accumulators.size() + 3];
    for (int i = 0; i < key.getArity(); i++) {
      values[i] = key.getField(i);
    }
    accumulators.values(acc, values, key.getArity());
    int at = key.getArity() + accumulators.size();
    values[at] = toTimestamp(windows.startOf(end));
    values[at + 1] = toTimestamp(end);
    values[at + 2] = toTimestamp(end - 1);
    out.collect(Row.wrap(RowKind.INSERT, values));
  }

  public static long toMillis(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  public static LocalDateTime toTimestamp(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }
}
