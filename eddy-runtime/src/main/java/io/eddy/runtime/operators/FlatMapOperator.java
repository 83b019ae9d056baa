package io.eddy.runtime.operators;

import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.KeySelector;

/** Applies a {@link FlatMapFunction}; outputs keep the input's timestamp. */
final class FlatMapOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT> {
  private final FlatMapFunction<IN, OUT> function;
  private final TimestampedCollector<OUT> collector;

  FlatMapOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector,
      FlatMapFunction<IN, OUT> function) {
    super(context, output, keySelector);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    setKeyContext(keySelector, value);
    collector.setTimestamp(timestamp);
    function.flatMap(value, collector);
  }
}
