package io.eddy.table.runtime.operators.source;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.time.TimestampAssigner;
import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkOutput;
import io.eddy.api.time.WatermarkGeneratorContext;
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
 * periodically. The row's timestamp is its rowtime field (UTC). A bounded out-of-orderness
 * watermark ({@code rowtime - INTERVAL ...}) is computed from that timestamp, without evaluating
 * the expression. Not thread-safe: one per source subtask.
 */
public final class RowtimeWatermarks implements WatermarkGenerator<Row> {
  /** The watermark expression, or null when the watermark is the timestamp less {@link #delay}. */
  private final RowExpression watermark;
  private final long delay;
  private long pending = Long.MIN_VALUE;

  private RowtimeWatermarks(RowExpression watermark, long delay) {
    this.watermark = watermark;
    this.delay = delay;
  }

  /** Timestamps from field {@code rowtimeField}, watermarks from {@code watermark}. */
  public static WatermarkStrategy<Row> strategy(int rowtimeField, RowExpression watermark) {
    return new Strategy(rowtimeField, watermark, 0);
  }

  /** Timestamps from field {@code rowtimeField}, watermarks {@code delayMillis} behind the highest. */
  public static WatermarkStrategy<Row> boundedDelay(int rowtimeField, long delayMillis) {
    return new Strategy(rowtimeField, null, delayMillis);
  }

  /**
   * The strategy: timestamps from the rowtime field, watermarks from the expression or the delay.
   * Reads rows and never changes them, so the rows it passes on need no copies
   * ({@link ReadOnlyRecords}).
   */
  private record Strategy(int rowtimeField, RowExpression watermark, long delay)
      implements WatermarkStrategy<Row>, ReadOnlyRecords {
    @Override
    public WatermarkGenerator<Row> createWatermarkGenerator(WatermarkGeneratorContext context) {
      return new RowtimeWatermarks(watermark, delay);
    }

    @Override
    public TimestampAssigner<Row> createTimestampAssigner() {
      int field = rowtimeField;
      return (row, previous) -> {
        Object t = row.getField(field);
        return t == null ? Long.MIN_VALUE : millis(t);
      };
    }
  }

  @Override
  public void beforeEvent(Row row, long eventTimestamp, WatermarkOutput output) {
    if (pending != Long.MIN_VALUE && eventTimestamp <= pending + 1) {
      output.emitWatermark(new Watermark(pending));
    }
  }

  @Override
  public void onEvent(Row row, long eventTimestamp, WatermarkOutput output) {
    long candidate;
    if (watermark == null) {
      if (eventTimestamp == Long.MIN_VALUE) {
        return; // a NULL rowtime
      }
      candidate = eventTimestamp - delay;
    } else {
      Object w = watermark.eval(row);
      if (w == null) {
        return;
      }
      candidate = millis(w);
    }
    if (candidate > pending) {
      pending = candidate;
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (pending != Long.MIN_VALUE) {
      output.emitWatermark(new Watermark(pending));
    }
  }

  private static long millis(Object t) {
    return t instanceof LocalDateTime ldt // as toInstant(UTC).toEpochMilli(), without the Instant
        ? Math.multiplyExact(ldt.toEpochSecond(ZoneOffset.UTC), 1000L) + ldt.getNano() / 1_000_000
        : ((java.time.Instant) t).toEpochMilli();
  }
}
