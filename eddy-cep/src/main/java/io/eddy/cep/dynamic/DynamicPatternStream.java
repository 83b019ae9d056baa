package io.eddy.cep.dynamic;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.KeyedStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.TwoInputTransformation;
import io.eddy.api.types.TypeSerializers;
import io.eddy.cep.operator.DynamicCepOperatorFactory;
import java.util.Objects;

/**
 * A keyed stream matched against a set of patterns that changes while the job runs
 * ({@code CEP.dynamicPatterns}): the updates are broadcast to every subtask, the set is kept in
 * union operator state so it survives restores at any parallelism, and each pattern's partial
 * matches live in keyed state of their own. Event time. Immutable.
 */
public final class DynamicPatternStream<T> {
  private final KeyedStream<T, ?> input;
  private final DataStream<PatternUpdate<T>> updates;
  private final OutputTag<T> lateDataTag;

  public DynamicPatternStream(KeyedStream<T, ?> input, DataStream<PatternUpdate<T>> updates, OutputTag<T> lateDataTag) {
    this.input = Objects.requireNonNull(input, "input");
    this.updates = Objects.requireNonNull(updates, "updates");
    this.lateDataTag = lateDataTag;
  }

  /** Events older than the watermark go to this side output instead of being dropped. */
  public DynamicPatternStream<T> sideOutputLateData(OutputTag<T> lateDataOutputTag) {
    return new DynamicPatternStream<>(input, updates, Objects.requireNonNull(lateDataOutputTag));
  }

  @SuppressWarnings("unchecked")
  public <R> SingleOutputStreamOperator<R> process(DynamicPatternProcessFunction<T, R> function) {
    Objects.requireNonNull(function, "function");
    OperatorSpec spec = new OperatorSpec.CustomSpec(
        new DynamicCepOperatorFactory<>(function, lateDataTag, TypeSerializers.generic()));
    return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), new TwoInputTransformation<>(
        "DynamicCepOperator", input.getTransformation(), updates.broadcast().getTransformation(), spec, -1,
        (KeySelector<T, Object>) input.getKeySelector(), null));
  }
}
