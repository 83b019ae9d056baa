package io.eddy.table.runtime.operators.source;

import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The watermark of {@code WATERMARK FOR rowtime AS expression}: the highest value of the
 * expression over the rows seen, as in Flink, advanced after every row but emitted lazily so rows
 * still travel in batches: eagerly, before the row ({@code beforeEvent}), only when the row's own
 * timestamp t satisfies t <= W + 1 (the
 * only rows for which an older watermark could decide differently, for window lateness and
 * timers: see NexmarkWatermarks in eddy-nexmark, whose argument this generalises), otherwise
 * periodically. The row's timestamp is its rowtime field (UTC). Not thread-safe: one per
 * source subtask.
 */
public final class RowtimeWatermarks implements WatermarkGenerator<Row> {
  private final RowExpression watermark;
  private long pending = Long.MIN_VALUE;

  private RowtimeWatermarks(RowExpression watermark) {
    this.watermark = watermark;
  }

  /** Timestamps from field {@code rowtimeField}, watermarks from {@code watermark}. */
  public static WatermarkStrategy<Row> strategy(int rowtimeField, RowExpression watermark) {
    WatermarkStrategy<Row> lazy = context -> new RowtimeWatermarks(watermark);
    return lazy.withTimestampAssigner((row, previous) -> {
      Object t = row.getField(rowtimeField);
      return t == null ? Long.MIN_VALUE : millis(t);
    });
  }

  @Override
  public void beforeEvent(Row row, long eventTimestamp, WatermarkOutput output) {
    if (pending != Long.MIN_VALUE && eventTimestamp <= pending + 1) {
      output.emitWatermark(new Watermark(pending));
    }
  }

  @Override
  public void onEvent(Row row, long eventTimestamp, WatermarkOutput output) {
    Object w = watermark.eval(row);
    if (w != null) {
      long candidate = millis(w);
      if (candidate > pending) {
        pending = candidate;
      }
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (pending != Long.MIN_VALUE) {
      output.emitWatermark(new Watermark(pending));
    }
  }

  private static long millis(Object t) {
    return t instanceof LocalDateTime ldt ? ldt.toInstant(ZoneOffset.UTC).toEpochMilli()
        : ((java.time.Instant) t).toEpochMilli();
  }
}
