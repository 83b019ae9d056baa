package io.eddy.table.runtime.operators.window;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
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
 * <p>State: per key the live sessions in map state, start -> {@code [end, accumulator]}, so a
 * row costs one accumulate, not a pass over the session's rows: when a row merges sessions their
 * accumulators are merged ({@link Accumulators#merge}, in the order of the sessions' starts) into
 * the earliest, and the row is accumulated last. The timers of sessions merged away are deleted,
 * as Flink's WindowOperator clears the triggers of merged windows. REQUIRES aggregates that
 * {@link Accumulators#supportsMerge() merge}; input must be insert-only.
 */
public final class SessionWindowAggFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final long gap;
  private final int timeField;
  private final Accumulators accumulators;
  private transient MapState<Long, Row> sessions;

  public SessionWindowAggFunction(long gap, int timeField, Accumulators accumulators) {
    if (gap <= 0) {
      throw new IllegalArgumentException("SESSION gap must be positive, got " + gap + " ms");
    }
    if (!accumulators.supportsMerge()) {
      throw new IllegalArgumentException("A SESSION window needs aggregates that merge; one of "
          + accumulators.calls().stream().map(AggregateCall::name).toList() + " does not");
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
    List<Map.Entry<Long, Row>> merged = new ArrayList<>(2);
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      long s = session.getKey();
      long e = endOf(session.getValue());
      if (s <= t + gap && e >= t) {
        merged.add(Map.entry(s, session.getValue()));
        start = Math.min(start, s);
        end = Math.max(end, e);
      }
    }
    if (end - 1 <= ctx.timerService().currentWatermark()) {
      return;
    }
    merged.sort(Map.Entry.comparingByKey());
    Row acc = null;
    for (Map.Entry<Long, Row> session : merged) {
      if (acc == null) {
        acc = accumulatorOf(session.getValue());
      } else {
        accumulators.merge(acc, accumulatorOf(session.getValue()));
      }
      if (session.getKey() != start) {
        sessions.remove(session.getKey());
      }
      long e = endOf(session.getValue());
      if (e != end) {
        ctx.timerService().deleteEventTimeTimer(e - 1);
      }
    }
    if (acc == null) {
      acc = accumulators.create();
    }
    accumulators.apply(acc, row);
    sessions.put(start, Row.of(end, acc));
    ctx.timerService().registerEventTimeTimer(end - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    List<Map.Entry<Long, Row>> fired = new ArrayList<>(1);
    for (Map.Entry<Long, Row> session : sessions.entries()) {
      if (endOf(session.getValue()) - 1 <= timestamp) {
        fired.add(Map.entry(session.getKey(), session.getValue()));
      }
    }
    fired.sort(Map.Entry.comparingByKey());
    Row key = ctx.getCurrentKey();
    for (Map.Entry<Long, Row> session : fired) {
      long start = session.getKey();
      sessions.remove(start);
      long end = endOf(session.getValue());
      Object[] values = new Object[key.getArity() + accumulators.size() + 3];
      for (int i = 0; i < key.getArity(); i++) {
        values[i] = key.getField(i);
      }
      accumulators.values(accumulatorOf(session.getValue()), values, key.getArity());
      int at = key.getArity() + accumulators.size();
      values[at] = WindowAggFunction.toTimestamp(start);
      values[at + 1] = WindowAggFunction.toTimestamp(end);
      values[at + 2] = WindowAggFunction.toTimestamp(end - 1);
      out.collect(Row.wrap(RowKind.INSERT, values));
    }
  }

  private static long endOf(Row session) {
    return (Long) session.getField(0);
  }

  private static Row accumulatorOf(Row session) {
    return (Row) session.getField(1);
  }
}
