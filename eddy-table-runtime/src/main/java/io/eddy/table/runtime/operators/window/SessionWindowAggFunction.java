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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Session window aggregation (Flink's session group window {@code GROUP BY SESSION(ts, gap)} and
 * the {@code SESSION} window table function) on a stream keyed by the group key, with Flink's
 * merging semantics: a row at time t opens the window [t, t + gap), which merges with every
 * session of its key it intersects (touching ends included, as Flink's TimeWindow), and the
 * result is dropped as late only if the merged session has fired already (end - 1 <= watermark):
 * so a late row that joins a live session counts. When the watermark reaches a session's end - 1
 * an event-time timer emits {@code [key fields, aggregate values, window_start, window_end,
 * window_time]} (insert) and drops it.
 *
 * <p>State: per key the live sessions in map state, start -> {@code [end, rows]}; a session keeps
 * its rows (not an accumulator) because SQL aggregates have no merge, and aggregates them when it
 * fires. Timers of sessions merged away stay registered and fire nothing of their own. Input must
 * be insert-only.
 */
public final class SessionWindowAggFunction extends KeyedProcessFunction<Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final long gap;
  private final int timeField;
  private final Accumulators accumulators;
  private transient MapState<Long, Row> sessions;

  public SessionWindowAggFunction(long gap, int timeField, Accumulators accumulators) {
    if (gap <= 0) {
      throw new IllegalArgumentException("SESSION gap must be positive, got " + gap + " ms");
    }
    this.gap = gap;
    this.timeField = timeField;
    this.accumulators = accumulators;
  }

  @Override
  public void open(OpenContext openContext) {
    sessions = getRuntimeContext().getMapState(new MapStateDescriptor<>("sessions",
        TypeSerializers.of(Long.class), TypeSerializers.<Row>generic()));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("Session window aggregation got a " + row.getKind().shortString()
          + " row; its input must be insert-only: " + row);
    }
    Object time = row.getField(timeField);
    if (time == null) {
      return;
    }
    long t = WindowAggFunction.toMillis((LocalDateTime) time);
    long start = t;
    long end = t + gap;
    List<Long> merged = new ArrayList<>();
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      long s = session.getKey();
      long e = (Long) session.getValue().getField(0);
      if (s <= t + gap && e >= t) {
        merged.add(s);
        start = Math.min(start, s);
        end = Math.max(end, e);
      }
    }
    if (end - 1 <= ctx.timerService().currentWatermark()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (long s : merged) {
      rows.addAll(rowsOf(sessions.get(s)));
      sessions.remove(s);
    }
    rows.add(row);
    sessions.put(start, Row.of(end, rows));
    ctx.timerService().registerEventTimeTimer(end - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Long> fired = new ArrayList<>();
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      if ((Long) session.getValue().getField(0) - 1 <= timestamp) {
        fired.add(session.getKey());
      }
    }
    fired.sort(null);
    Row key = ctx.getCurrentKey();
    for (long start : fired) {
      Row session = sessions.get(start);
      sessions.remove(start);
      long end = (Long) session.getField(0);
      Row acc = accumulators.create();
      for (Row row : rowsOf(session)) {
        accumulators.apply(acc, row);
      }
      Object[] values = new Object[key.getArity() + accumulators.size() + 3];
      for (int i = 0; i < key.getArity(); i++) {
        values[i] = key.getField(i);
      }
      accumulators.values(acc, values, key.getArity());
      int at = key.getArity() + accumulators.size();
      values[at] = WindowAggFunction.toTimestamp(start);
      values[at + 1] = WindowAggFunction.toTimestamp(end);
      values[at + 2] = WindowAggFunction.toTimestamp(end - 1);
      out.collect(Row.wrap(RowKind.INSERT, values));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Row> rowsOf(Row session) {
    return (List<Row>) session.getField(1);
  }
}
