package io.eddy.runtime.operators;

import io.eddy.api.functions.KeySelector;

/**
 * A two-input operator: keys from one selector per input (if keyed); the operator's watermark is
 * the minimum over its active inputs, and it is idle only when both inputs are.
 */
public abstract class AbstractTwoInputOperator<IN1, IN2, OUT> extends AbstractStreamOperator<OUT>
    implements TwoInputOperator<IN1, IN2> {
  protected final KeySelector<IN1, ?> keySelector1;
  protected final KeySelector<IN2, ?> keySelector2;
  private final long[] watermarks = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final boolean[] idle = new boolean[2];
  private boolean outputIdle;

  protected AbstractTwoInputOperator(OperatorContext context, Output<OUT> output,
      KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2) {
    super(context, output);
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
  }

  @Override
  public void processWatermark1(long watermark) throws Exception {
    watermarks[0] = watermark;
    idle[0] = false;
    combine();
  }

  @Override
  public void processWatermark2(long watermark) throws Exception {
    watermarks[1] = watermark;
    idle[1] = false;
    combine();
  }

  @Override
  public void processIdle1(boolean isIdle) throws Exception {
    idle[0] = isIdle;
    combine();
  }

  @Override
  public void processIdle2(boolean isIdle) throws Exception {
    idle[1] = isIdle;
    combine();
  }

  private void combine() throws Exception {
    if (idle[0] && idle[1]) {
      if (!outputIdle) {
        outputIdle = true;
        forwardIdle(true);
      }
      return;
    }
    if (outputIdle) {
      outputIdle = false;
      forwardIdle(false);
    }
    long combined = idle[0] ? watermarks[1] : idle[1] ? watermarks[0] : Math.min(watermarks[0], watermarks[1]);
    if (combined > watermarkReceived()) {
      advanceWatermark(combined);
    }
  }
}
