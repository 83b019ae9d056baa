package io.eddy.runtime.operators;

import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.functions.CoFlatMapFunction;
import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.FilterFunction;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.operators.async.AsyncWaitOperator;
import io.eddy.runtime.operators.join.IntervalJoinOperator;
import io.eddy.runtime.operators.windowing.SlicingWindowOperator;
import io.eddy.runtime.operators.windowing.WindowOperator;

/**
 * Builds the operator for an {@link OperatorSpec}: the one place that maps the API's plan to
 * runtime operators. The spec must already be the subtask's own copy (functions are stateful).
 */
public final class OperatorFactory {
  private OperatorFactory() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static OneInputOperator<Object> oneInput(OperatorSpec spec, OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key, long watermarkIntervalMillis) {
    return switch (spec) {
      case OperatorSpec.MapSpec s -> new MapOperator<>(context, output, key, (MapFunction) s.function());
      case OperatorSpec.FilterSpec s -> new FilterOperator<>(context, output, key, (FilterFunction) s.function());
      case OperatorSpec.FlatMapSpec s -> new FlatMapOperator<>(context, output, key, (FlatMapFunction) s.function());
      case OperatorSpec.ProcessSpec s -> new ProcessOperator<>(context, output, key, (ProcessFunction) s.function());
      case OperatorSpec.KeyedProcessSpec s ->
          new KeyedProcessOperator<>(context, output, requireKey(key, context), (KeyedProcessFunction) s.function());
      case OperatorSpec.AsyncWaitSpec s -> new AsyncWaitOperator<>(context, output, (AsyncFunction) s.function(),
          s.timeoutMillis(), s.capacity(), s.outputMode(), (AsyncRetryStrategy) s.retryStrategy());
      case OperatorSpec.AsyncStateSpec s ->
          oneInput(s.spec(), context.withAsyncState(true), output, key, watermarkIntervalMillis);
      case OperatorSpec.TimestampsAndWatermarksSpec s ->
          new TimestampsAndWatermarksOperator<>(context, output, (WatermarkStrategy) s.strategy(), watermarkIntervalMillis);
      case OperatorSpec.WindowSpec s when SlicingWindowOperator.supports(s) ->
          new SlicingWindowOperator<>(context, output, requireKey(key, context), s);
      case OperatorSpec.WindowSpec s -> new WindowOperator<>(context, output, requireKey(key, context), s);
      case OperatorSpec.CustomSpec s -> custom(s, context).createOneInput(context, output, key);
      default -> throw new IllegalArgumentException(spec.getClass().getSimpleName() + " is not a one-input operator");
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static TwoInputOperator<Object, Object> twoInput(OperatorSpec spec, OperatorContext context,
      Output<Object> output, KeySelector<Object, ?> key1, KeySelector<Object, ?> key2) {
    return switch (spec) {
      case OperatorSpec.CoMapSpec s -> new CoStreamMap<>(context, output, key1, key2, (CoMapFunction) s.function());
      case OperatorSpec.CoFlatMapSpec s ->
          new CoStreamFlatMap<>(context, output, key1, key2, (CoFlatMapFunction) s.function());
      case OperatorSpec.CoProcessSpec s -> new CoProcessOperator<>(context, output, key1, key2,
          (CoProcessFunction) s.function());
      case OperatorSpec.KeyedCoProcessSpec s -> new KeyedCoProcessOperator<>(context, output,
          requireKey(key1, context), requireKey(key2, context), (KeyedCoProcessFunction) s.function());
      case OperatorSpec.IntervalJoinSpec s -> new IntervalJoinOperator<>(context, output,
          requireKey(key1, context), requireKey(key2, context), s.lowerBoundMillis(), s.upperBoundMillis(),
          (ProcessJoinFunction) s.function());
      case OperatorSpec.CustomSpec s -> custom(s, context).createTwoInput(context, output, key1, key2);
      case OperatorSpec.AsyncStateSpec s -> twoInput(s.spec(), context.withAsyncState(true), output, key1, key2);
      case OperatorSpec.BroadcastProcessSpec s -> new CoBroadcastWithNonKeyedOperator<>(context, output,
          (BroadcastProcessFunction) s.function(), s.broadcastStateDescriptors());
      // synchronous even under execution.async-state.enabled: Flink has no asynchronous variant
      case OperatorSpec.KeyedBroadcastProcessSpec s -> new CoBroadcastWithKeyedOperator<>(context.withAsyncState(false), output,
          requireKey(key1, context), (KeyedBroadcastProcessFunction) s.function(), s.broadcastStateDescriptors());
      default -> throw new IllegalArgumentException(spec.getClass().getSimpleName() + " is not a two-input operator");
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static OneInputOperator<Object> sink(io.eddy.api.connector.Sink<?> sink, OperatorContext context) {
    return new SinkOperator<>(context, NoOutput.INSTANCE, (io.eddy.api.connector.Sink) sink);
  }

  private static CustomOperatorFactory custom(OperatorSpec.CustomSpec spec, OperatorContext context) {
    if (!(spec.factory() instanceof CustomOperatorFactory factory)) {
      throw new IllegalArgumentException("Operator '" + context.name() + "': a CustomSpec needs a "
          + CustomOperatorFactory.class.getName() + ", got " + spec.factory().getClass().getName());
    }
    return factory;
  }

  private static <T> KeySelector<T, ?> requireKey(KeySelector<T, ?> key, OperatorContext context) {
    if (key == null) {
      throw new IllegalStateException("Operator '" + context.name() + "' needs a keyed input: use keyBy() first");
    }
    return key;
  }
}
