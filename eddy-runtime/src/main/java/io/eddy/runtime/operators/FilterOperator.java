package io.eddy.runtime.operators;

import io.eddy.api.functions.FilterFunction;
import io.eddy.api.functions.KeySelector;

/** Forwards the records a {@link FilterFunction} accepts. */
final class FilterOperator<T> extends AbstractOneInputOperator<T, T> {
  private final FilterFunction<T> function;

  FilterOperator(OperatorContext context, Output<T> output, KeySelector<T, ?> keySelector, FilterFunction<T> function) {
    super(context, output, keySelector);
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    if (function.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
