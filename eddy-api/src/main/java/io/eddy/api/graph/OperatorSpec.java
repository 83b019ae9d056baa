package io.eddy.api.graph;

import io.eddy.api.datastream.AsyncDataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.BroadcastProcessFunction;
import io.eddy.api.functions.CoFlatMapFunction;
import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.FilterFunction;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.functions.KeyedBroadcastProcessFunction;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.WindowAssigner;
import java.io.Serializable;
import java.util.List;

/**
 * What an operator computes, as plain data: the user's functions and settings. The runtime
 * maps each kind to its operator implementation; the set is closed so that the mapping is
 * checked by the compiler.
 */
public sealed interface OperatorSpec extends Serializable {

  record MapSpec(MapFunction<?, ?> function) implements OperatorSpec {}

  record FilterSpec(FilterFunction<?> function) implements OperatorSpec {}

  record FlatMapSpec(FlatMapFunction<?, ?> function) implements OperatorSpec {}

  record ProcessSpec(ProcessFunction<?, ?> function) implements OperatorSpec {}

  record KeyedProcessSpec(KeyedProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  /**
   * A keyed operator (process, reduce/aggregate, window, interval join) run in the asynchronous
   * execution model: its keyed stream called enableAsyncState().
   */
  record AsyncStateSpec(OperatorSpec spec) implements OperatorSpec {}

  record CoMapSpec(CoMapFunction<?, ?, ?> function) implements OperatorSpec {}

  record CoFlatMapSpec(CoFlatMapFunction<?, ?, ?> function) implements OperatorSpec {}

  record CoProcessSpec(CoProcessFunction<?, ?, ?> function) implements OperatorSpec {}

  record KeyedCoProcessSpec(KeyedCoProcessFunction<?, ?, ?, ?> function) implements OperatorSpec {}

  /** A non-keyed stream connected with a broadcast stream (second input) and its broadcast states. */
  record BroadcastProcessSpec(
      BroadcastProcessFunction<?, ?, ?> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
      implements OperatorSpec {}

  /** A keyed stream connected with a broadcast stream (second input) and its broadcast states. */
  record KeyedBroadcastProcessSpec(
      KeyedBroadcastProcessFunction<?, ?, ?, ?> function, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
      implements OperatorSpec {}

  /**
   * Async I/O: {@code function} is invoked per element with at most {@code capacity} elements in
   * flight, each timing out after {@code timeoutMillis} (none if 0 or less); results in input
   * order or as they complete within watermark bounds; outcomes {@code retryStrategy} matches are
   * retried.
   */
  record AsyncWaitSpec(AsyncFunction<?, ?> function, long timeoutMillis, int capacity,
      AsyncDataStream.OutputMode outputMode, AsyncRetryStrategy<?> retryStrategy) implements OperatorSpec {}

  /** Assigns timestamps and generates watermarks mid-stream, replacing upstream watermarks. */
  record TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy) implements OperatorSpec {}

  /**
   * A keyed window: elements go to windows by the assigner, are kept as {@code contents}
   * (all elements, or incrementally reduced/aggregated), and the trigger decides when the
   * window function sees them. With an evictor (null if none) the contents are all elements
   * with their timestamps, and the evictor removes some before and/or after each evaluation.
   */
  record WindowSpec(
      WindowAssigner<?, ?> assigner,
      Trigger<?, ?> trigger,
      long allowedLatenessMillis,
      OutputTag<?> lateDataTag,
      WindowContents contents,
      ProcessWindowFunction<?, ?, ?, ?> windowFunction,
      Evictor<?, ?> evictor) implements OperatorSpec {}

  /** Joins two keyed streams on records whose timestamps lie within [lower, upper] of each other. */
  record IntervalJoinSpec(
      long lowerBoundMillis, long upperBoundMillis, ProcessJoinFunction<?, ?, ?> function)
      implements OperatorSpec {}

  /**
   * An operator defined by a module outside the runtime (e.g. eddy-cep), like Flink's
   * {@code DataStream.transform(operatorFactory)}. {@code factory} implements the runtime's
   * {@code io.eddy.runtime.operators.CustomOperatorFactory}; it is typed {@link Serializable}
   * here only because the API does not see runtime classes.
   */
  record CustomSpec(Serializable factory) implements OperatorSpec {}
}
