package io.eddy.api.datastream;

import io.eddy.api.datastream.internal.AllWindowFunctionAdapter;
import io.eddy.api.datastream.internal.NullByteKeySelector;
import io.eddy.api.datastream.internal.ProcessAllWindowFunctionAdapter;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.AllWindowFunction;
import io.eddy.api.functions.ProcessAllWindowFunction;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.time.Duration;

/**
 * A whole (non-keyed) stream cut into windows, as {@code windowAll} makes it. Like Flink, it is a
 * keyed window whose every record has the same key, evaluated by one subtask: the operator
 * always runs at parallelism 1, and its state is keyed state of that one key, so it is
 * checkpointed and restored like any window's.
 */
public final class AllWindowedStream<T, W extends Window> {
  private final WindowedStream<T, Byte, W> windowed;

  AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
    this.windowed = input.keyBy(new NullByteKeySelector<T>()).window(assigner);
  }

  public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
    windowed.trigger(trigger);
    return this;
  }

  /** Removes elements from each window before and/or after it is evaluated. */
  public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
    windowed.evictor(evictor);
    return this;
  }

  /** Keeps windows open this long past their end: late elements update and re-fire them. */
  public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
    windowed.allowedLateness(lateness);
    return this;
  }

  /** Sends elements too late for any window to this side output instead of dropping them. */
  public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
    windowed.sideOutputLateData(tag);
    return this;
  }

  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return nonParallel(windowed.reduce(reducer), "AllWindow(Reduce)");
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, AllWindowFunction<T, R, W> function) {
    return nonParallel(windowed.reduce(reducer, new AllWindowFunctionAdapter<>(function)), "AllWindow(Reduce)");
  }

  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
    return nonParallel(windowed.reduce(reducer, new ProcessAllWindowFunctionAdapter<>(function)), "AllWindow(Reduce)");
  }

  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregate) {
    return nonParallel(windowed.aggregate(aggregate), "AllWindow(Aggregate)");
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, AllWindowFunction<V, R, W> function) {
    return nonParallel(windowed.aggregate(aggregate, new AllWindowFunctionAdapter<>(function)),
        "AllWindow(Aggregate)");
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, ProcessAllWindowFunction<V, R, W> function) {
    return nonParallel(windowed.aggregate(aggregate, new ProcessAllWindowFunctionAdapter<>(function)),
        "AllWindow(Aggregate)");
  }

  /** Per window, the sum of a field (tuple position or record component); other fields from the first element. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return sum(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return nonParallel(windowed.sum(field), "AllWindow(Sum)");
  }

  /** Per window, the minimum of a field; the other fields come from the window's first element. */
  public SingleOutputStreamOperator<T> min(int position) {
    return min(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return nonParallel(windowed.min(field), "AllWindow(Min)");
  }

  /** Per window, the maximum of a field; the other fields come from the window's first element. */
  public SingleOutputStreamOperator<T> max(int position) {
    return max(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return nonParallel(windowed.max(field), "AllWindow(Max)");
  }

  /** Per window, the element with the smallest value of a field (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return minBy(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return nonParallel(windowed.minBy(field), "AllWindow(MinBy)");
  }

  /** Per window, the element with the largest value of a field (the first one on ties). */
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return maxBy(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return nonParallel(windowed.maxBy(field), "AllWindow(MaxBy)");
  }

  /** Evaluates each window with all its elements (kept until the window is purged). */
  public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
    return nonParallel(windowed.process(new ProcessAllWindowFunctionAdapter<>(function)), "AllWindow(Process)");
  }

  public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
    return nonParallel(windowed.process(new AllWindowFunctionAdapter<>(function)), "AllWindow(Apply)");
  }

  private static <R> SingleOutputStreamOperator<R> nonParallel(SingleOutputStreamOperator<R> operator, String kind) {
    String name = operator.getTransformation().getName();
    operator.getTransformation().setName(kind + name.substring(name.indexOf(' ')));
    operator.getTransformation().setNonParallel();
    return operator;
  }
}
