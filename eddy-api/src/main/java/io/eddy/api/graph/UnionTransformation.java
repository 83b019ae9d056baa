package io.eddy.api.graph;

import java.util.List;

/** Merges streams of one type into one; computes nothing. */
public final class UnionTransformation<T> extends Transformation<T> {
  private final List<Transformation<T>> inputs;

  public UnionTransformation(List<Transformation<T>> inputs) {
    super("Union", -1);
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.copyOf(inputs);
  }
}
