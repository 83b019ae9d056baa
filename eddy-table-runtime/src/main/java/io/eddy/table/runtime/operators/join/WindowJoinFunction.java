package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.TypeSerializers;
import java.util.ArrayList;
import java.util.List;

/**
 * Window join of two insert-only inputs keyed by the equi-join keys (Flink's WindowJoinOperator):
 * both inputs are rows of windows of one window table function, and a row's window is identified
 * by its {@code window_end}. Rows are kept per key and window end until the watermark passes the
 * window (reaches {@code window_end - 1}); then the window's rows of both sides are joined
 * ({@link WindowJoinProcessor}), emitted as inserts and dropped from state. A row of a window the
 * watermark has already passed is late and dropped, as Flink drops it. As in Flink, the watermark
 * is not part of a snapshot: after a restore rows count as late only from the next watermark on.
 */
public final class WindowJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final int leftWindowEndField;
  private final int rightWindowEndField;
  private final WindowJoinProcessor processor;

  private transient MapState<Long, List<Row>> leftRecords;
  private transient MapState<Long, List<Row>> rightRecords;

  public WindowJoinFunction(int leftWindowEndField, int rightWindowEndField, WindowJoinProcessor processor) {
    this.leftWindowEndField = leftWindowEndField;
    this.rightWindowEndField = rightWindowEndField;
    this.processor = processor;
  }

  @Override
  public void open(OpenContext openContext) {
    leftRecords = getRuntimeContext().getMapState(descriptor("left-records"));
    rightRecords = getRuntimeContext().getMapState(descriptor("right-records"));
  }

  private static MapStateDescriptor<Long, List<Row>> descriptor(String name) {
    return new MapStateDescriptor<>(name, TypeSerializers.<Long>generic(), TypeSerializers.<List<Row>>generic());
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    add(row, leftRecords, leftWindowEndField, ctx);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    add(row, rightRecords, rightWindowEndField, ctx);
  }

  private void add(Row row, MapState<Long, List<Row>> records, int windowEndField, Context ctx) throws Exception {
    if (row.getKind().isRetract()) {
      throw new IllegalArgumentException("Window join: its inputs must be insert-only, got " + row);
    }
    long windowEnd = RowTimes.millis(row, windowEndField, "Window join");
    if (windowEnd - 1 <= ctx.timerService().currentWatermark()) {
      return; // late: its window was joined already
    }
    List<Row> inWindow = records.get(windowEnd);
    List<Row> updated = inWindow == null ? new ArrayList<>(1) : new ArrayList<>(inWindow);
    updated.add(row);
    records.put(windowEnd, updated);
    ctx.timerService().registerEventTimeTimer(windowEnd - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    long windowEnd = timestamp + 1;
    List<Row> lefts = leftRecords.get(windowEnd);
    List<Row> rights = rightRecords.get(windowEnd);
    processor.join(lefts == null ? List.of() : lefts, rights == null ? List.of() : rights, out);
    if (lefts != null) {
      leftRecords.remove(windowEnd);
    }
    if (rights != null) {
      rightRecords.remove(windowEnd);
    }
  }
}
