package io.eddy.runtime.testing;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.TwoInputTransformation;
import io.eddy.runtime.operators.OperatorFactory;
import io.eddy.runtime.operators.TwoInputOperator;
import java.util.List;
import java.util.function.BiFunction;

/** Like {@link OneInputHarness}, for operators on two inputs (connect, interval join). */
public final class TwoInputHarness<IN1, IN2, OUT> extends HarnessSupport<OUT> {
  private final TwoInputTransformation<?, ?, ?> transformation;
  private TwoInputOperator<Object, Object> operator;
  private boolean opened;
  private long checkpointId;

  private TwoInputHarness(TwoInputTransformation<?, ?, ?> t) {
    this.transformation = t;
    this.operator = create(null);
  }

  @SuppressWarnings("unchecked")
  private TwoInputOperator<Object, Object> create(HarnessSnapshot restoreFrom) {
    KeySelector<Object, ?> key1 = (KeySelector<Object, ?>) copy(transformation.getStateKeySelector1());
    KeySelector<Object, ?> key2 = (KeySelector<Object, ?>) copy(transformation.getStateKeySelector2());
    return OperatorFactory.twoInput(copy(transformation.getSpec()),
        context(transformation.getName(), key1 != null, restoreFrom), output, key1, key2);
  }

  /** Starts this (not yet opened) harness from a snapshot, like a task restarted from a checkpoint. */
  public TwoInputHarness<IN1, IN2, OUT> restore(HarnessSnapshot snapshot) {
    if (opened) {
      throw new IllegalStateException("restore() comes before open()");
    }
    operator = create(snapshot);
    return this;
  }

  /** Runs the operator as {@code execution.async-state.enabled} does in a job; before open() (and restore()). */
  public TwoInputHarness<IN1, IN2, OUT> asyncState() {
    if (opened) {
      throw new IllegalStateException("asyncState() comes before open()");
    }
    asyncState = true;
    operator = create(null);
    return this;
  }

  /** Sets a key of the job configuration the operator sees; before open() (and restore()). */
  public TwoInputHarness<IN1, IN2, OUT> configure(String key, String value) {
    if (opened) {
      throw new IllegalStateException("configure() comes before open()");
    }
    jobConfiguration.set(key, value);
    operator = create(null);
    return this;
  }

  /** Takes a checkpoint of the operator's state (the harness keeps running). */
  public HarnessSnapshot snapshot() throws Exception {
    return snapshotOf(operator, ++checkpointId);
  }

  public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> of(
      BiFunction<DataStream<IN1>, DataStream<IN2>, DataStream<OUT>> pipeline) {
    StreamEnvironment env = StreamEnvironment.create();
    DataStream<IN1> first = env.fromCollection(List.of());
    DataStream<IN2> second = env.fromCollection(List.of());
    DataStream<OUT> result = pipeline.apply(first, second);
    if (!(result.getTransformation() instanceof TwoInputTransformation<?, ?, ?> t)) {
      throw new IllegalArgumentException("The pipeline's last step must be a two-input operator");
    }
    return new TwoInputHarness<>(t);
  }

  public TwoInputHarness<IN1, IN2, OUT> open() throws Exception {
    operator.open();
    opened = true;
    return this;
  }

  public void processElement1(IN1 value, long timestamp) throws Exception {
    operator.processElement1(value, timestamp);
  }

  public void processElement2(IN2 value, long timestamp) throws Exception {
    operator.processElement2(value, timestamp);
  }

  /** Advances both inputs' watermarks. */
  public void processWatermark(long watermark) throws Exception {
    operator.processWatermark1(watermark);
    operator.processWatermark2(watermark);
  }

  public void processWatermark1(long watermark) throws Exception {
    operator.processWatermark1(watermark);
  }

  public void processWatermark2(long watermark) throws Exception {
    operator.processWatermark2(watermark);
  }

  @Override
  public void close() throws Exception {
    operator.close();
  }
}
