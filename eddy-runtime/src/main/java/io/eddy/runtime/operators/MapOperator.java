package io.eddy.runtime.operators;

import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.MapFunction;

/** Applies a {@link MapFunction}; keeps the record's timestamp. */
final class MapOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final MapFunction<IN, OUT> function;

  MapOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector, MapFunction<IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    output.collect(function.map(value), timestamp);
  }
}
