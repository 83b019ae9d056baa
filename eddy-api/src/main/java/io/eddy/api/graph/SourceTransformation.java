package io.eddy.api.graph;

import io.eddy.api.connector.Source;
import io.eddy.api.time.WatermarkStrategy;
import java.util.List;

/** Reads a {@link Source}, assigning timestamps and watermarks with the given strategy. */
public final class SourceTransformation<T> extends Transformation<T> {
  private final Source<T> source;
  private final WatermarkStrategy<T> watermarkStrategy;

  public SourceTransformation(String name, Source<T> source, WatermarkStrategy<T> watermarkStrategy, int parallelism) {
    super(name, parallelism);
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
  }

  public Source<T> getSource() {
    return source;
  }

  public WatermarkStrategy<T> getWatermarkStrategy() {
    return watermarkStrategy;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of();
  }
}
