package io.eddy.api.time;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event time: a timestamp assigner and a watermark generator, created per
 * source subtask. Build one with the static factories and refine it with the {@code with...}
 * methods, as in Flink.
 */
@FunctionalInterface
public interface WatermarkStrategy<T> extends Serializable {

  WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorContext context);

  /** Default: keep the timestamp the record came with. */
  default TimestampAssigner<T> createTimestampAssigner() {
    return (element, recordTimestamp) -> recordTimestamp;
  }

  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    return ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** A strategy from a generator supplier, for custom (e.g. punctuated) generators, as in Flink. */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
    return generatorSupplier::createWatermarkGenerator;
  }

  /** Timestamps never decrease: watermark = highest timestamp - 1. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return forBoundedOutOfOrderness(Duration.ZERO);
  }

  /** No watermarks: event-time windows fire only at the end of a bounded input. */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return ctx -> new WatermarkGenerator<>() {
      @Override
      public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {}
    };
  }

  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
    WatermarkStrategy<T> base = this;
    return new WatermarkStrategy<>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorContext context) {
        return base.createWatermarkGenerator(context);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return assigner;
      }
    };
  }

  default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    WatermarkStrategy<T> base = this;
    long timeoutMillis = idleTimeout.toMillis();
    return new WatermarkStrategy<>() {
      @Override
      public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorContext context) {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), context, timeoutMillis);
      }

      @Override
      public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
      }
    };
  }
}
