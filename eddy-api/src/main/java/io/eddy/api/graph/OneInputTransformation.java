package io.eddy.api.graph;

import io.eddy.api.functions.KeySelector;
import java.util.List;

/** Applies one operator to one input; keyed when it follows a keyBy. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
  private final Transformation<IN> input;
  private final OperatorSpec spec;
  private final KeySelector<IN, ?> stateKeySelector;

  public OneInputTransformation(String name, Transformation<IN> input, OperatorSpec spec, int parallelism,
      KeySelector<IN, ?> stateKeySelector) {
    super(name, parallelism);
    this.input = input;
    this.spec = spec;
    this.stateKeySelector = stateKeySelector;
  }

  /** Non-null when the operator runs on a keyed stream: keyed state and timers use this key. */
  public KeySelector<IN, ?> getStateKeySelector() {
    return stateKeySelector;
  }

  public Transformation<IN> getInput() {
    return input;
  }

  public OperatorSpec getSpec() {
    return spec;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
