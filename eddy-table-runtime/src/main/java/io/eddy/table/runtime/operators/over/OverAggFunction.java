package io.eddy.table.runtime.operators.over;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.StateTtl;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OVER aggregation ordered by time (Flink's RowTime{Rows,Range}{Bounded,Unbounded}Preceding
 * functions) on a stream keyed by the partition fields: emits every row followed by the values of
 * the aggregates over its {@link OverFrame}, in order of the order field once the watermark has
 * passed it, so the output is insert-only.
 *
 * <p>Rows wait in map state (order value in ms -> rows in arrival order) until an event-time
 * timer at {@code value + finalizeAfter} fires; rows then go through the frame in order of value
 * and arrival. For an insert-only input ordered by its rowtime {@code finalizeAfter} is 0, as in
 * Flink. Eddy also accepts an updating input ordered by another time column (q6 of Nexmark,
 * which Flink cannot plan): a waiting row may be retracted (-U/-D remove an equal waiting row) or
 * replaced, and it is final once the watermark is strictly past its value ({@code finalizeAfter}
 * 1). A row whose timer time is not after the last fired one is late and dropped (for an
 * updating input also one whose value the watermark has passed), as is a retraction of a row that
 * no longer waits; NULL order values are dropped.
 *
 * <p>The frame's rows (bounded frames) and the accumulator are in value state; the accumulator
 * retracts rows leaving a bounded frame, so MIN/MAX must be built retractable.
 *
 * <p>Ordered by a processing-time attribute ({@link #processingTime}, Flink's ProcTime*Preceding
 * functions; insert-only input) a row's order value is the task's clock when it arrives, written
 * into the order field. ROWS frames and unbounded frames emit each row at once; a bounded RANGE
 * frame emits the rows of one millisecond together when a processing-time timer passes it, so
 * rows arriving in the same millisecond see each other, and (as in Flink) rows still waiting when
 * a bounded input ends are not emitted.
 */
public final class OverAggFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final int orderField;
  private final OverFrame frame;
  private final Accumulators accumulators;
  private final long finalizeAfter;
  private final Duration stateTtl;
  private final boolean proctime;
  private transient MapState<Long, List<Row>> waiting;
  private transient ValueState<List<Row>> framed;
  private transient ValueState<Row> accumulator;
  private transient ValueState<Long> lastFired;

  /** {@code stateTtl} zero for none. */
  public OverAggFunction(int orderField, OverFrame frame, Accumulators accumulators, long finalizeAfter,
      Duration stateTtl) {
    this(orderField, frame, accumulators, finalizeAfter, stateTtl, false);
  }

  private OverAggFunction(int orderField, OverFrame frame, Accumulators accumulators, long finalizeAfter,
      Duration stateTtl, boolean proctime) {
    this.orderField = orderField;
    this.frame = frame;
    this.accumulators = accumulators;
    this.finalizeAfter = finalizeAfter;
    this.stateTtl = stateTtl;
    this.proctime = proctime;
  }

  /** Ordered by the processing-time attribute {@code orderField} of an insert-only input. */
  public static OverAggFunction processingTime(int orderField, OverFrame frame, Accumulators accumulators,
      Duration stateTtl) {
    return new OverAggFunction(orderField, frame, accumulators, 1, stateTtl, true);
  }

  /** Whether a row is emitted as it arrives (by processing time, unless the frame is a bounded RANGE). */
  private boolean emitsAtOnce() {
    return proctime && (frame.rows() || frame.unbounded());
  }

  @Override
  public void open(OpenContext openContext) {
    waiting = getRuntimeContext().getMapState(StateTtl.apply(new MapStateDescriptor<>("waiting",
        TypeSerializers.of(Long.class), TypeSerializers.<List<Row>>generic()), stateTtl));
    framed = getRuntimeContext().getState(
        StateTtl.apply(new ValueStateDescriptor<>("frame", TypeSerializers.<List<Row>>generic()), stateTtl));
    accumulator = getRuntimeContext().getState(
        StateTtl.apply(new ValueStateDescriptor<>("accumulator", TypeSerializers.<Row>generic()), stateTtl));
    lastFired = getRuntimeContext().getState(
        StateTtl.apply(new ValueStateDescriptor<>("last-fired", TypeSerializers.of(Long.class)), stateTtl));
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    Object order = row.getField(orderField);
    if (!proctime && order == null) {
      return;
    }
    long value = proctime ? ctx.timerService().currentProcessingTime() : millis(order);
    long fireAt = value + finalizeAfter;
    Long last = lastFired.value();
    if (!proctime && ((last != null && fireAt <= last)
        || (finalizeAfter > 0 && fireAt <= ctx.timerService().currentWatermark()))) {
      return;
    }
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    if (proctime) {
      stored.setField(orderField, Instant.ofEpochMilli(value));
    }
    List<Row> rows = waiting.get(value);
    rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    if (row.getKind().isAccumulate()) {
      rows.add(stored);
      if (!proctime) {
        ctx.timerService().registerEventTimeTimer(fireAt);
      } else if (!emitsAtOnce()) {
        ctx.timerService().registerProcessingTimeTimer(fireAt);
      }
    } else {
      rows.remove(stored);
    }
    if (rows.isEmpty()) {
      waiting.remove(value);
    } else {
      waiting.put(value, rows);
    }
    if (emitsAtOnce()) {
      fire(value + finalizeAfter, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    fire(timestamp, out);
  }

  /** Emits the waiting rows whose order value + finalizeAfter is at most {@code timestamp}, in order. */
  private void fire(long timestamp, Collector<Row> out) throws Exception {
    List<Long> due = new ArrayList<>();
    for (Map.Entry<Long, List<Row>> e : waiting.entries()) {
      if (e.getKey() + finalizeAfter <= timestamp) {
        due.add(e.getKey());
      }
    }
    due.sort(null);
    Row acc = accumulator.value() == null ? accumulators.create() : accumulator.value();
    List<Row> inFrame = frame.unbounded() ? List.of() : framed.value() == null ? new ArrayList<>()
        : new ArrayList<>(framed.value());
    for (long value : due) {
      List<Row> rows = waiting.get(value);
      waiting.remove(value);
      if (frame.rows()) {
        for (Row row : rows) {
          add(acc, inFrame, row);
          while (!frame.unbounded() && inFrame.size() > frame.preceding() + 1) {
            accumulators.apply(acc, Row.copyWithKind(inFrame.remove(0), RowKind.DELETE));
          }
          out.collect(withValues(row, acc));
        }
      } else {
        for (Row row : rows) {
          add(acc, inFrame, row);
        }
        while (!frame.unbounded() && millis(inFrame.get(0).getField(orderField)) < value - frame.preceding()) {
          accumulators.apply(acc, Row.copyWithKind(inFrame.remove(0), RowKind.DELETE));
        }
        for (Row row : rows) {
          out.collect(withValues(row, acc));
        }
      }
    }
    accumulator.update(acc);
    if (!frame.unbounded()) {
      framed.update(inFrame);
    }
    lastFired.update(timestamp);
  }

  private void add(Row acc, List<Row> inFrame, Row row) {
    accumulators.apply(acc, row);
    if (!frame.unbounded()) {
      inFrame.add(row);
    }
  }

  private Row withValues(Row row, Row acc) {
    Object[] fields = new Object[row.getArity() + accumulators.size()];
    for (int i = 0; i < row.getArity(); i++) {
      fields[i] = row.getField(i);
    }
    accumulators.values(acc, fields, row.getArity());
    return Row.wrap(RowKind.INSERT, fields);
  }

  private static long millis(Object order) {
    return order instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC).toEpochMilli()
        : order instanceof Instant i ? i.toEpochMilli() : ((Number) order).longValue();
  }
}
