package io.eddy.api.time;

import java.io.Serializable;

/** Creates a watermark generator per source subtask; what {@link WatermarkStrategy#forGenerator} takes, as in Flink. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
  WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorContext context);
}
