package io.eddy.api.graph;

import io.eddy.api.datastream.OutputTag;
import java.util.List;

/** Selects the records an operator emitted to one of its side outputs. */
public final class SideOutputTransformation<T> extends Transformation<T> {
  private final Transformation<?> input;
  private final OutputTag<T> tag;

  public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
    super("SideOutput(" + tag.getId() + ")", input.getParallelism());
    this.input = input;
    this.tag = tag;
  }

  public Transformation<?> getInput() {
    return input;
  }

  public OutputTag<T> getTag() {
    return tag;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
