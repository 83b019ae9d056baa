package io.eddy.runtime.metrics;

import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.Gauge;
import io.eddy.api.metrics.MeterView;
import io.eddy.api.metrics.OperatorIOMetricGroup;
import io.eddy.api.metrics.OperatorMetricGroup;
import io.eddy.api.metrics.SimpleCounter;
import java.util.Map;

/**
 * The metric group of one operator subtask, with the metrics Flink keeps for every operator:
 * {@code numRecordsIn}, {@code numRecordsOut} (plain counters the task thread increments: a
 * field update per record), their {@code PerSecond} rates, and {@code currentInputWatermark} /
 * {@code currentOutputWatermark} ({@code Long.MIN_VALUE} until the first watermark; a two-input
 * operator also has {@code currentInput1Watermark} and {@code currentInput2Watermark}, the input
 * watermark being their minimum). A source's records in are the records its reader produced,
 * so its {@code numRecordsIn} is its {@code numRecordsOut}.
 */
public final class InternalOperatorMetricGroup extends AbstractMetricGroup
    implements OperatorMetricGroup, OperatorIOMetricGroup {
  private final String operatorName;
  private final boolean source;
  private final SimpleCounter numRecordsIn;
  private final SimpleCounter numRecordsOut = new SimpleCounter();
  private volatile long input1Watermark = Long.MIN_VALUE;
  private volatile long input2Watermark = Long.MIN_VALUE;
  private volatile long outputWatermark = Long.MIN_VALUE;

  /** The kinds of operator that differ in their built-in metrics. */
  public enum Inputs { SOURCE, ONE, TWO }

  InternalOperatorMetricGroup(MetricRegistry registry, TaskMetricGroup task, String[] scope,
      Map<String, String> variables, String operatorName, Inputs inputs) {
    super(registry, task, scope, "taskmanager.job.task.operator", variables);
    this.operatorName = operatorName;
    this.source = inputs == Inputs.SOURCE;
    this.numRecordsIn = inputs == Inputs.SOURCE ? numRecordsOut : new SimpleCounter();
    counter("numRecordsIn", numRecordsIn);
    counter("numRecordsOut", numRecordsOut);
    meter("numRecordsInPerSecond", new MeterView(numRecordsIn));
    meter("numRecordsOutPerSecond", new MeterView(numRecordsOut));
    if (inputs == Inputs.TWO) {
      gauge("currentInputWatermark", (Gauge<Long>) () -> Math.min(input1Watermark, input2Watermark));
      gauge("currentInput1Watermark", (Gauge<Long>) () -> input1Watermark);
      gauge("currentInput2Watermark", (Gauge<Long>) () -> input2Watermark);
    } else {
      gauge("currentInputWatermark", (Gauge<Long>) () -> input1Watermark);
    }
    gauge("currentOutputWatermark", (Gauge<Long>) () -> outputWatermark);
  }

  public String operatorName() {
    return operatorName;
  }

  /** Whether the operator is a source (its records in are the records its reader produced). */
  public boolean isSource() {
    return source;
  }

  @Override
  public OperatorIOMetricGroup getIOMetricGroup() {
    return this;
  }

  @Override
  public Counter getNumRecordsInCounter() {
    return numRecordsIn;
  }

  /** {@code numRecordsIn} as its class, so the task's per-record increment is a direct call. */
  public SimpleCounter numRecordsIn() {
    return numRecordsIn;
  }

  public SimpleCounter numRecordsOut() {
    return numRecordsOut;
  }

  @Override
  public Counter getNumRecordsOutCounter() {
    return numRecordsOut;
  }

  /** The operator received watermark {@code watermark} on input {@code input} (0 or 1). */
  public void inputWatermark(int input, long watermark) {
    if (input == 0) {
      input1Watermark = watermark;
    } else {
      input2Watermark = watermark;
    }
  }

  public void outputWatermark(long watermark) {
    outputWatermark = watermark;
  }
}
