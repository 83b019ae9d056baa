package io.eddy.runtime.operators;

import io.eddy.api.functions.KeySelector;

/** A one-input operator whose key (if keyed) comes from one key selector. */
public abstract class AbstractOneInputOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN> {
  protected final KeySelector<IN, ?> keySelector;

  protected AbstractOneInputOperator(OperatorContext context, Output<OUT> output, KeySelector<IN, ?> keySelector) {
    super(context, output);
    this.keySelector = keySelector;
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    advanceWatermark(watermark);
  }

  @Override
  public void processIdle(boolean idle) throws Exception {
    forwardIdle(idle);
  }
}
