package io.eddy.api.graph;

import io.eddy.api.connector.Sink;
import java.util.List;

/** Writes its input to a {@link Sink}. */
public final class SinkTransformation<T> extends Transformation<Void> {
  private final Transformation<T> input;
  private final Sink<T> sink;

  public SinkTransformation(String name, Transformation<T> input, Sink<T> sink, int parallelism) {
    super(name, parallelism);
    this.input = input;
    this.sink = sink;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Sink<T> getSink() {
    return sink;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
