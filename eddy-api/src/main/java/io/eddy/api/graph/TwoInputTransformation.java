package io.eddy.api.graph;

import io.eddy.api.functions.KeySelector;
import java.util.List;

/** Applies one operator to two inputs (connect). */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
  private final Transformation<IN1> input1;
  private final Transformation<IN2> input2;
  private final OperatorSpec spec;
  private final KeySelector<IN1, ?> stateKeySelector1;
  private final KeySelector<IN2, ?> stateKeySelector2;

  public TwoInputTransformation(
      String name, Transformation<IN1> input1, Transformation<IN2> input2, OperatorSpec spec, int parallelism,
      KeySelector<IN1, ?> stateKeySelector1, KeySelector<IN2, ?> stateKeySelector2) {
    super(name, parallelism);
    this.input1 = input1;
    this.input2 = input2;
    this.spec = spec;
    this.stateKeySelector1 = stateKeySelector1;
    this.stateKeySelector2 = stateKeySelector2;
  }

  /** Non-null (with the second) when both inputs are keyed by the same key type. */
  public KeySelector<IN1, ?> getStateKeySelector1() {
    return stateKeySelector1;
  }

  public KeySelector<IN2, ?> getStateKeySelector2() {
    return stateKeySelector2;
  }

  public Transformation<IN1> getInput1() {
    return input1;
  }

  public Transformation<IN2> getInput2() {
    return input2;
  }

  public OperatorSpec getSpec() {
    return spec;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input1, input2);
  }
}
