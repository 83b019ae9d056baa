package io.eddy.table.runtime.operators.window;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.TimeDomain;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Window aggregation over a window table function (Flink's WindowAggregate with its slicing
 * window operator) on a stream keyed by the group key. Time is cut into the assignment's slices
 * ({@link WindowAssignment}: a TUMBLE window is one slice, a HOP window of size 10 s and slide
 * 2 s five): each insert row is folded into the accumulator of the slice of its event time (the
 * TIMESTAMP field {@code timeField}) only, whatever the number of windows containing it. The first
 * row of a slice for its key registers a timer per window containing the slice; when the
 * watermark passes a window's end the accumulators of its slices are merged, in slice order, into
 * a fresh one, which gives one insert row
 * {@code [key fields, aggregate values, window_start, window_end, window_time]}, and the slices no
 * later window contains are dropped. A window that has already fired (window end - 1 <=
 * watermark) takes no later row, as in Flink: a row whose slice's last window has fired is late
 * and dropped, one whose slice is still in an unfired window goes into the unfired windows only.
 * Input must be insert-only (the planner checks); output is insert-only.
 *
 * <p>Over processing time ({@code timeField} -1, a {@code PROCTIME()} attribute) a row goes into
 * the slice of the task's processing-time clock when it arrives, and a processing-time timer at a
 * window's end - 1 fires it, as Flink's WindowAggOperator does. The runtime, like Flink's, drops
 * processing-time timers still pending when a bounded input ends, so the windows open then never
 * fire; with {@code fireAtEndOfInput} they fire at the final watermark instead (one event-time
 * timer per key at {@link Long#MAX_VALUE}, which only the end of input reaches), in order of
 * their ends.
 *
 * <p>REQUIRES of the aggregates, when a window has several slices: they {@link
 * Accumulators#supportsMerge() merge}, and merging leaves the merged-in accumulator unchanged.
 * Aggregates that depend on row order (FIRST_VALUE, LISTAGG) see the rows slice by slice, as in
 * Flink. State: the key's live slices together, a map from slice end to accumulator in one value
 * state, so that a row costs one read and one write of state, and so does a window whatever its
 * number of slices (a scan of map state, or a read per slice, cost more on the LSM backends);
 * over processing time with {@code fireAtEndOfInput} also the end of the last window fired;
 * timers per window end.
 */
public final class WindowAggFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final WindowAssignment windows;
  private final int timeField;
  private final Accumulators accumulators;
  private final boolean fireAtEndOfInput;
  private transient ValueState<Map<Long, Row>> slices;
  private transient ValueState<Long> firedUpTo;

  /** Over event time: the rowtime attribute {@code timeField}. */
  public WindowAggFunction(WindowAssignment windows, int timeField, Accumulators accumulators) {
    this(windows, timeField, accumulators, false);
  }

  private WindowAggFunction(WindowAssignment windows, int timeField, Accumulators accumulators,
      boolean fireAtEndOfInput) {
    if ((windows instanceof WindowAssignment.Hop || windows instanceof WindowAssignment.Cumulate)
        && !accumulators.supportsMerge()) {
      throw new IllegalArgumentException("A " + (windows instanceof WindowAssignment.Hop ? "HOP" : "CUMULATE")
          + " window needs aggregates that merge; one of "
          + accumulators.calls().stream().map(AggregateCall::name).toList() + " does not");
    }
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
    slices = getRuntimeContext().getState(new ValueStateDescriptor<>("slices", TypeSerializers.<Map<Long, Row>>generic()));
    if (fireAtEndOfInput) {
      firedUpTo = getRuntimeContext().getState(new ValueStateDescriptor<>("fired", TypeSerializers.of(Long.class)));
    }
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
    long sliceEnd = windows.sliceEnd(
        proctime ? ctx.timerService().currentProcessingTime() : toMillis((LocalDateTime) time));
    long watermark = proctime ? Long.MIN_VALUE : ctx.timerService().currentWatermark();
    if (windows.lastWindowOfSlice(sliceEnd) - 1 <= watermark) {
      return;
    }
    Map<Long, Row> live = slices.value();
    if (live == null) {
      live = new HashMap<>();
    }
    Row acc = live.get(sliceEnd);
    if (acc == null) {
      acc = accumulators.create();
      live.put(sliceEnd, acc);
      windows.windowsOfSlice(sliceEnd, end -> {
        if (end - 1 > watermark) {
          if (!proctime) {
            ctx.timerService().registerEventTimeTimer(end - 1);
          } else {
            ctx.timerService().registerProcessingTimeTimer(end - 1);
          }
        }
      });
      if (proctime && fireAtEndOfInput) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      }
    }
    accumulators.apply(acc, row);
    slices.update(live);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (timeField < 0 && ctx.timeDomain() == TimeDomain.EVENT_TIME) {
      // the end of input: every window of the key's slices not fired yet, earliest end first
      Map<Long, Row> live = slices.value();
      Long fired = firedUpTo.value();
      TreeSet<Long> ends = new TreeSet<>();
      for (long sliceEnd : live == null ? List.<Long>of() : live.keySet()) {
        windows.windowsOfSlice(sliceEnd, end -> {
          if (fired == null || end > fired) {
            ends.add(end);
          }
        });
      }
      for (long end : ends) {
        fire(end, ctx, out);
      }
      return;
    }
    fire(timestamp + 1, ctx, out);
  }

  /** Emits the window ending at {@code end} of the current key, if it has rows, and drops the slices no later window holds. */
  private void fire(long end, OnTimerContext ctx, Collector<Row> out) throws Exception {
    if (firedUpTo != null) {
      firedUpTo.update(end); // a key's windows fire in order of their ends
    }
    Map<Long, Row> live = slices.value();
    if (live == null) {
      return;
    }
    List<Long> ends = new ArrayList<>();
    for (long sliceEnd : live.keySet()) {
      if (windows.sliceInWindow(sliceEnd, end)) {
        ends.add(sliceEnd);
      }
    }
    if (ends.isEmpty()) {
      return;
    }
    ends.sort(null);
    Row acc = live.get(ends.get(0));
    if (ends.size() > 1) {
      acc = accumulators.create();
      for (long sliceEnd : ends) {
        accumulators.merge(acc, live.get(sliceEnd));
      }
    }
    for (long sliceEnd : ends) {
      if (windows.lastWindowOfSlice(sliceEnd) <= end) {
        live.remove(sliceEnd);
      }
    }
    if (live.isEmpty()) {
      slices.clear();
    } else {
      slices.update(live);
    }
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
