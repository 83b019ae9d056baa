package io.eddy.table.runtime.operators.join;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.TwoInputTransformation;
import io.eddy.api.types.Row;
import io.eddy.runtime.operators.CustomOperatorFactory;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.OperatorFactory;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.operators.TwoInputOperator;

/**
 * Runs a keyed co-process function whose output may lag behind event time (an interval join emits
 * joined and padded rows up to {@code delay} ms behind its input watermark), and holds the output
 * watermark back by {@code delay} so downstream event-time operators do not see those rows as
 * late (Flink's KeyedCoProcessOperatorWithWatermarkDelay). The final watermark (end of input)
 * and watermarks too low to delay pass unchanged. The operator itself is the runtime's keyed co-process operator.
 */
public final class KeyedCoProcessOperatorWithWatermarkDelay implements CustomOperatorFactory {
  private static final long serialVersionUID = 1L;

  private final KeyedCoProcessFunction<?, ?, ?, ?> function;
  private final long delay;

  public KeyedCoProcessOperatorWithWatermarkDelay(KeyedCoProcessFunction<?, ?, ?, ?> function, long delay) {
    if (delay < 0) {
      throw new IllegalArgumentException("The watermark delay must be non-negative, got " + delay);
    }
    this.function = function;
    this.delay = delay;
  }

  /**
   * The keyed two-input step running {@code function} over {@code left} and {@code right} keyed by
   * the given selectors, with the output watermark held back by {@code delay}.
   */
  public static <K, OUT> DataStream<OUT> transform(String name, DataStream<Row> left, DataStream<Row> right,
      KeySelector<Row, K> leftKey, KeySelector<Row, K> rightKey, KeyedCoProcessFunction<K, Row, Row, OUT> function,
      long delay) {
    OperatorSpec spec = new OperatorSpec.CustomSpec(new KeyedCoProcessOperatorWithWatermarkDelay(function, delay));
    return new SingleOutputStreamOperator<>(left.getExecutionEnvironment(), new TwoInputTransformation<>(name,
        left.getTransformation(), right.getTransformation(), spec, -1, leftKey, rightKey));
  }

  @Override
  public TwoInputOperator<Object, Object> createTwoInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key1, KeySelector<Object, ?> key2) {
    return OperatorFactory.twoInput(new OperatorSpec.KeyedCoProcessSpec(function), context, delayed(output), key1, key2);
  }

  private Output<Object> delayed(Output<Object> output) {
    return new Output<>() {
      @Override
      public void collect(Object value, long timestamp) {
        output.collect(value, timestamp);
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
        output.collect(tag, value, timestamp);
      }

      @Override
      public void emitWatermark(long watermark) {
        boolean passes = watermark == Long.MAX_VALUE || watermark < Long.MIN_VALUE + delay;
        output.emitWatermark(passes ? watermark : watermark - delay);
      }

      @Override
      public void emitIdle(boolean idle) {
        output.emitIdle(idle);
      }
    };
  }
}
