package io.eddy.table.runtime.operators.rank;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.CheckpointedFunction;
import io.eddy.api.state.ListState;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.window.WindowAggFunction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Window Top-N and window deduplication (Flink's WindowRank and WindowDeduplicate) on a stream
 * keyed by partition fields that include the window's start and end, so each key is one window:
 * its insert rows wait in list state until the watermark passes the window's end (the TIMESTAMP
 * field {@code windowEndField}, minus 1 ms), then the rows of ranks {@code [start, end]} by
 * ROW_NUMBER are emitted once as inserts, with the rank number appended (BIGINT) if
 * {@code outputRankNumber}, and the window's state is dropped. Rows with equal sort keys rank in
 * arrival order, except with {@code latestFirstOnTies} (deduplication keeping the last row, where
 * Flink keeps the later of two rows with the same time). A row of a window that has already
 * fired is late and dropped, as in Flink. Insert-only in and out.
 *
 * <p>The watermark the function has seen is kept in operator (union list) state, as Flink's
 * window operators keep theirs: a restored subtask starts from the lowest one of all subtasks, so
 * a row of a window that fired before the failure is still late after it instead of firing the
 * window a second time.
 */
public final class WindowRankFunction extends KeyedProcessFunction<Row, Row, Row> implements CheckpointedFunction, ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final SortSpec sort;
  private final long start;
  private final long end;
  private final boolean outputRankNumber;
  private final int windowEndField;
  private final boolean latestFirstOnTies;
  private transient Comparator<Row> comparator;
  private transient ListState<Row> rows;
  private transient ListState<Long> watermarkState;
  private transient long watermark = Long.MIN_VALUE;

  public WindowRankFunction(SortSpec sort, long start, long end, boolean outputRankNumber, int windowEndField,
      boolean latestFirstOnTies) {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("rank range [" + start + ", " + end + "] is empty or starts below 1");
    }
    this.sort = sort;
    this.start = start;
    this.end = end;
    this.outputRankNumber = outputRankNumber;
    this.windowEndField = windowEndField;
    this.latestFirstOnTies = latestFirstOnTies;
  }

  @Override
  public void open(OpenContext openContext) {
    Comparator<Row> keys = sort.keyComparator();
    comparator = (a, b) -> keys.compare(sort.key(a), sort.key(b));
    rows = getRuntimeContext().getListState(new ListStateDescriptor<>("window-rows", TypeSerializers.<Row>generic()));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    watermarkState = context.getOperatorStateStore().getUnionListState(
        new ListStateDescriptor<>("watermark", TypeSerializers.<Long>generic()));
    watermark = Long.MIN_VALUE;
    if (context.isRestored()) {
      long lowest = Long.MAX_VALUE;
      for (Long w : watermarkState.get()) {
        lowest = Math.min(lowest, w);
      }
      if (lowest != Long.MAX_VALUE) {
        watermark = lowest;
      }
    }
  }

  @Override
  public void snapshotState(long checkpointId) throws Exception {
    watermarkState.clear();
    watermarkState.add(watermark);
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    if (row.getKind() != RowKind.INSERT) {
      throw new IllegalStateException("Window Top-N got a " + row.getKind().shortString()
          + " row; its input must be insert-only: " + row);
    }
    long fire = WindowAggFunction.toMillis((LocalDateTime) row.getField(windowEndField)) - 1;
    watermark = Math.max(watermark, ctx.timerService().currentWatermark());
    if (fire <= watermark) {
      return;
    }
    rows.add(row);
    ctx.timerService().registerEventTimeTimer(fire);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    watermark = Math.max(watermark, Math.max(timestamp, ctx.timerService().currentWatermark()));
    List<Row> window = new ArrayList<>();
    for (Row row : rows.get()) {
      window.add(row);
    }
    rows.clear();
    if (latestFirstOnTies) {
      Collections.reverse(window);
    }
    window.sort(comparator);
    for (int i = (int) start - 1; i < Math.min(window.size(), end); i++) {
      Row row = window.get(i);
      if (!outputRankNumber) {
        out.collect(row);
        continue;
      }
      Object[] values = new Object[row.getArity() + 1];
      for (int f = 0; f < row.getArity(); f++) {
        values[f] = row.getField(f);
      }
      values[row.getArity()] = (long) i + 1;
      out.collect(Row.wrap(RowKind.INSERT, values));
    }
  }
}
