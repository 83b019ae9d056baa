package io.eddy.api.graph;

import java.util.List;

/** Changes how records are distributed to the next operator; computes nothing. */
public final class PartitionTransformation<T> extends Transformation<T> {
  private final Transformation<T> input;
  private final Partitioning partitioning;

  public PartitionTransformation(Transformation<T> input, Partitioning partitioning) {
    super("Partition", input.getParallelism());
    this.input = input;
    this.partitioning = partitioning;
  }

  public Transformation<T> getInput() {
    return input;
  }

  public Partitioning getPartitioning() {
    return partitioning;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
