package io.eddy.api.datastream;

import io.eddy.api.types.TypeInformation;
import io.eddy.api.datastream.internal.FieldAggregation;
import io.eddy.api.datastream.internal.RollingAggregateFunction;
import io.eddy.api.datastream.internal.RollingReduceFunction;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.PartitionTransformation;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.windowing.CountEvictor;
import io.eddy.api.windowing.CountTrigger;
import io.eddy.api.windowing.GlobalWindow;
import io.eddy.api.windowing.GlobalWindows;
import io.eddy.api.windowing.PurgingTrigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;

/**
 * A stream partitioned by key: every record of one key goes to the same subtask, and operators
 * applied to it get keyed state and timers.
 */
public class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;
  private boolean asyncState;

  KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
    super(input.getExecutionEnvironment(),
        new PartitionTransformation<>(input.getTransformation(), new Partitioning.Keyed(keySelector)));
    this.keySelector = keySelector;
  }

  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  @Override
  protected KeySelector<T, ?> stateKeySelector() {
    return keySelector;
  }

  /**
   * Runs the keyed operators applied to this stream (process functions, reduce/aggregate, windows,
   * interval joins) in the asynchronous execution model: state reads of many records overlap, and
   * process functions may use V2 state ({@code io.eddy.api.state.v2}, from the runtime context),
   * whose accesses return futures. Returns this stream.
   */
  public KeyedStream<T, K> enableAsyncState() {
    asyncState = true;
    return this;
  }

  public boolean isAsyncStateEnabled() {
    return asyncState;
  }

  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    return transform("Keyed Process", withAsyncState(new OperatorSpec.KeyedProcessSpec(function)));
  }

  /** The spec of an operator applied to this stream, in the asynchronous model if it is enabled. */
  OperatorSpec withAsyncState(OperatorSpec spec) {
    return asyncState ? new OperatorSpec.AsyncStateSpec(spec) : spec;
  }

  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function, TypeInformation<R> outputType) {
    return process(function).returns(outputType);
  }

  /** Emits, for every record, the running reduction of its key so far. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return process(new RollingReduceFunction<K, T>(reducer)).name("Keyed Reduce");
  }

  /** Emits, for every record, the running aggregate of its key so far. */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregate) {
    return process(new RollingAggregateFunction<K, T, ACC, R>(aggregate)).name("Keyed Aggregate");
  }

  /** Running sum of a field; field is a tuple position ("0", "1") or a record component name. */
  public SingleOutputStreamOperator<T> sum(String field) {
    return reduce(FieldAggregation.sum(field)).name("Keyed Sum(" + field + ")");
  }

  public SingleOutputStreamOperator<T> sum(int position) {
    return sum(String.valueOf(position));
  }

  /** Running minimum of a field; the other fields come from the key's first record. */
  public SingleOutputStreamOperator<T> min(String field) {
    return reduce(FieldAggregation.min(field)).name("Keyed Min(" + field + ")");
  }

  public SingleOutputStreamOperator<T> min(int position) {
    return min(String.valueOf(position));
  }

  /** Running maximum of a field; the other fields come from the key's first record. */
  public SingleOutputStreamOperator<T> max(String field) {
    return reduce(FieldAggregation.max(field)).name("Keyed Max(" + field + ")");
  }

  public SingleOutputStreamOperator<T> max(int position) {
    return max(String.valueOf(position));
  }

  /** The record with the smallest value of the field so far (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(String field) {
    return reduce(FieldAggregation.minBy(field)).name("Keyed MinBy(" + field + ")");
  }

  /** The record with the largest value of the field so far (the first one on ties). */
  public SingleOutputStreamOperator<T> maxBy(String field) {
    return reduce(FieldAggregation.maxBy(field)).name("Keyed MaxBy(" + field + ")");
  }

  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} elements per key: fires and purges every {@code size} elements. */
  public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
    return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
  }

  /** Sliding count windows: every {@code slide} elements of a key, evaluates its last {@code size}. */
  public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
    return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  public <T2> IntervalJoin<T, T2, K> intervalJoin(KeyedStream<T2, K> other) {
    return new IntervalJoin<>(this, other);
  }
}
