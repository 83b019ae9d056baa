package io.eddy.runtime.operators;

import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.KeySelector;

/** Applies a {@link CoMapFunction}; outputs keep the input's timestamp; keyed state when both inputs are keyed. */
final class CoStreamMap<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final CoMapFunction<IN1, IN2, OUT> function;

  CoStreamMap(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, CoMapFunction<IN1, IN2, OUT> function) {
    super(context, output, keySelector1, keySelector2);
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    output.collect(function.map1(value), timestamp);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setKeyContext(keySelector2, value);
    output.collect(function.map2(value), timestamp);
  }
}
