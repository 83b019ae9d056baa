package io.eddy.runtime.operators;

import io.eddy.api.functions.CoFlatMapFunction;
import io.eddy.api.functions.KeySelector;

/** Applies a {@link CoFlatMapFunction}; outputs keep the input's timestamp; keyed state when both inputs are keyed. */
final class CoStreamFlatMap<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {
  private final CoFlatMapFunction<IN1, IN2, OUT> function;
  private final TimestampedCollector<OUT> collector;

  CoStreamFlatMap(OperatorContext context, Output<OUT> output, KeySelector<IN1, ?> keySelector1,
      KeySelector<IN2, ?> keySelector2, CoFlatMapFunction<IN1, IN2, OUT> function) {
    super(context, output, keySelector1, keySelector2);
    this.function = function;
    this.collector = new TimestampedCollector<>(output);
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement1(IN1 value, long timestamp) throws Exception {
    setKeyContext(keySelector1, value);
    collector.setTimestamp(timestamp);
    function.flatMap1(value, collector);
  }

  @Override
  public void processElement2(IN2 value, long timestamp) throws Exception {
    setKeyContext(keySelector2, value);
    collector.setTimestamp(timestamp);
    function.flatMap2(value, collector);
  }
}
