package io.eddy.runtime.operators;

import io.eddy.api.time.TimestampAssigner;
import io.eddy.api.time.Watermark;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkStrategy;

/**
 * assignTimestampsAndWatermarks mid-stream: re-times records and generates watermarks here.
 * Watermarks from upstream are dropped, except the final one that ends a bounded input.
 */
final class TimestampsAndWatermarksOperator<T> extends AbstractOneInputOperator<T, T> {
  private final WatermarkStrategy<T> strategy;
  private final long intervalMillis;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private WatermarkEmitter watermarks;
  private PeriodicEmission periodic;

  TimestampsAndWatermarksOperator(OperatorContext context, Output<T> output, WatermarkStrategy<T> strategy,
      long intervalMillis) {
    super(context, output, null);
    this.strategy = strategy;
    this.intervalMillis = intervalMillis;
  }

  @Override
  protected Object userFunction() {
    return null;
  }

  @Override
  public void open() throws Exception {
    var time = context.processingTimeService();
    assigner = strategy.createTimestampAssigner();
    generator = strategy.createWatermarkGenerator(time::now);
    watermarks = new WatermarkEmitter(output);
    periodic = new PeriodicEmission(time, intervalMillis);
    schedulePeriodic(time.now() + intervalMillis);
  }

  private void schedulePeriodic(long at) {
    context.processingTimeService().schedule(at, now -> {
      if (periodic.onIdle()) {
        generator.onPeriodicEmit(watermarks);
      }
      schedulePeriodic(now + intervalMillis);
    });
  }

  @Override
  public void processElement(T value, long timestamp) {
    long ts = assigner.extractTimestamp(value, timestamp);
    generator.beforeEvent(value, ts, watermarks);
    output.collect(value, ts);
    generator.onEvent(value, ts, watermarks);
    if (periodic.onRecord()) {
      generator.onPeriodicEmit(watermarks);
    }
  }

  @Override
  public void processWatermark(long watermark) {
    if (watermark == Watermark.MAX.timestamp()) {
      generator.onPeriodicEmit(watermarks);
      watermarks.emitFinal();
    }
  }

  @Override
  public void processIdle(boolean idle) {}
}
