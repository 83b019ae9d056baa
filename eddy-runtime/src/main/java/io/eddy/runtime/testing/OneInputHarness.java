package io.eddy.runtime.testing;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.OperatorFactory;
import io.eddy.runtime.operators.Output;
import java.util.List;
import java.util.function.Function;

/**
 * Drives one real operator with records, watermarks and processing time, without threads,
 * and records what it emits, like Kafka Streams' TopologyTestDriver for a single operator.
 * The operator is described with the ordinary API, e.g.
 * {@code OneInputHarness.of(s -> s.keyBy(k).window(w).reduce(r))}; the last step is the one
 * under test. Keyed operators get a hashmap backend owning every key group.
 */
public final class OneInputHarness<IN, OUT> extends HarnessSupport<OUT> {
  private final OneInputTransformation<?, ?> transformation;
  private OneInputOperator<Object> operator;
  private boolean opened;
  private long checkpointId;

  private OneInputHarness(OneInputTransformation<?, ?> t) {
    this.transformation = t;
    this.operator = create(null);
  }

  @SuppressWarnings("unchecked")
  private OneInputOperator<Object> create(HarnessSnapshot restoreFrom) {
    KeySelector<Object, ?> key = (KeySelector<Object, ?>) copy(transformation.getStateKeySelector());
    return OperatorFactory.oneInput(copy(transformation.getSpec()),
        context(transformation.getName(), key != null, restoreFrom), output, key, 200);
  }

  public static <IN, OUT> OneInputHarness<IN, OUT> of(Function<DataStream<IN>, DataStream<OUT>> pipeline) {
    DataStream<IN> input = StreamEnvironment.create().fromCollection(List.of());
    DataStream<OUT> result = pipeline.apply(input);
    if (!(result.getTransformation() instanceof OneInputTransformation<?, ?> t)) {
      throw new IllegalArgumentException("The pipeline's last step must be a one-input operator, got "
          + result.getTransformation());
    }
    return new OneInputHarness<>(t);
  }

  /**
   * Starts this (not yet opened) harness from a snapshot instead of empty state, like a task
   * restarted from a checkpoint; its processing-time clock is the snapshot harness's concern.
   */
  public OneInputHarness<IN, OUT> restore(HarnessSnapshot snapshot) {
    if (opened) {
      throw new IllegalStateException("restore() comes before open()");
    }
    operator = create(snapshot);
    return this;
  }

  /**
   * Runs the operator in the asynchronous execution model, as {@code execution.async-state.enabled}
   * does in a job; before open() (and restore()). Its results appear once its state requests are
   * answered: at the latest at the next watermark, snapshot or end of input.
   */
  public OneInputHarness<IN, OUT> asyncState() {
    if (opened) {
      throw new IllegalStateException("asyncState() comes before open()");
    }
    asyncState = true;
    operator = create(null);
    return this;
  }

  /** Sets a key of the job configuration the operator sees; before open() (and restore()). */
  public OneInputHarness<IN, OUT> configure(String key, String value) {
    if (opened) {
      throw new IllegalStateException("configure() comes before open()");
    }
    jobConfiguration.set(key, value);
    operator = create(null);
    return this;
  }

  /** Takes a checkpoint of the operator's state (the harness keeps running). */
  public HarnessSnapshot snapshot() throws Exception {
    requireOpen();
    return snapshotOf(operator, ++checkpointId);
  }

  public OneInputHarness<IN, OUT> open() throws Exception {
    operator.open();
    opened = true;
    return this;
  }

  public void processElement(IN value, long timestamp) throws Exception {
    requireOpen();
    operator.processElement(value, timestamp);
  }

  public void processElement(IN value) throws Exception {
    processElement(value, Output.NO_TIMESTAMP);
  }

  public void processWatermark(long watermark) throws Exception {
    requireOpen();
    operator.processWatermark(watermark);
  }

  /** End of input: the final watermark, then finish. */
  public void endInput() throws Exception {
    processWatermark(Long.MAX_VALUE);
    operator.finish();
  }

  private void requireOpen() {
    if (!opened) {
      throw new IllegalStateException("Call open() first");
    }
  }

  @Override
  public void close() throws Exception {
    operator.close();
  }
}
