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
import io.eddy.api.time.TimeDomain;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Over processing time ({@code timeField} -1, a {@code PROCTIME()} attribute) a row joins the
 * windows of the task's processing-time clock when it arrives, and a processing-time timer at the
 * window's end - 1 fires it, as Flink's WindowAggOperator does. The runtime, like Flink's, drops
 * processing-time timers still pending when a bounded input ends, so the windows open then never
 * fire; with {@code fireAtEndOfInput} they fire at the final watermark instead (one event-time
 * timer per key at {@link Long#MAX_VALUE}, which only the end of input reaches), in order of
 * their ends.
 */
public final class WindowAggFunction extends KeyedProcessFunction<Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final WindowAssignment windows;
  private final int timeField;
  private final Accumulators accumulators;
  private final boolean fireAtEndOfInput;
  private transient MapState<Long, Row> open;

  /** Over event time: the rowtime attribute {@code timeField}. */
  public WindowAggFunction(WindowAssignment windows, int timeField, Accumulators accumulators) {
    this(windows, timeField, accumulators, false);
  }

  private WindowAggFunction(WindowAssignment windows, int timeField, Accumulators accumulators,
      boolean fireAtEndOfInput) {
    this.windows = windows;
    this.timeField = timeField;
    this.accumulators = accumulators;
    this.fireAtEndOfInput = fireAtEndOfInput;
  }

  /** Over processing time; {@code fireAtEndOfInput} to fire the windows still open when the input ends. */
  public static WindowAggFunction processingTime(WindowAssignment windows, Accumulators accumulators,
      boolean fireAtEndOfInput) {
    return new WindowAggFunction(windows, -1, accumulators, fireAtEndOfInput);
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
    boolean proctime = timeField < 0;
    Object time = proctime ? null : row.getField(timeField);
    if (!proctime && time == null) {
      return;
    }
    long timestamp = proctime ? ctx.timerService().currentProcessingTime() : toMillis((LocalDateTime) time);
    long watermark = proctime ? Long.MIN_VALUE : ctx.timerService().currentWatermark();
    Exception[] failure = new Exception[1];
    windows.assign(timestamp, end -> {
      if (end - 1 <= watermark) {
        return;
      }
      try {
        Row acc = open.get(end);
        if (acc == null) {
          acc = accumulators.create();
          if (!proctime) {
            ctx.timerService().registerEventTimeTimer(end - 1);
          } else {
            ctx.timerService().registerProcessingTimeTimer(end - 1);
            if (fireAtEndOfInput) {
              ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            }
          }
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
    if (timeField < 0 && ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      // the end of input: every window of the key still open, earliest end first
      List<Long> ends = new ArrayList<>();
      for (Long end : open.keys()) {
        ends.add(end);
      }
      ends.sort(null);
      for (long end : ends) {
        fire(end, ctx, out);
      }
      return;
    }
    fire(timestamp + 1, ctx, out);
  }

  /** Emits the window ending at {@code end} of the current key, if open, and drops it. */
  private void fire(long end, OnTimerContext ctx, Collector<Row> out) throws Exception {
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
