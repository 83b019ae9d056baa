package io.eddy.api.datastream;

import io.eddy.api.datastream.internal.AggregateApplyWindowFunction;
import io.eddy.api.datastream.internal.FieldAggregation;
import io.eddy.api.datastream.internal.PassThroughWindowFunction;
import io.eddy.api.datastream.internal.ReduceApplyWindowFunction;
import io.eddy.api.datastream.internal.WindowFunctionAdapter;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.WindowFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.WindowContents;
import io.eddy.api.windowing.Evictor;
import io.eddy.api.windowing.MergingWindowAssigner;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.time.Duration;

/**
 * A keyed stream cut into windows; ends with the function that evaluates each window. Without
 * an evictor, reduce and aggregate fold elements as they arrive; with one, the window keeps all
 * elements and reduces/aggregates those left after eviction when it fires.
 */
public final class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  private Evictor<? super T, ? super W> evictor;
  private long allowedLatenessMillis;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.input = input;
    this.assigner = assigner;
    this.trigger = assigner.getDefaultTrigger();
  }

  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    if (trigger == null) {
      throw new IllegalArgumentException("Window trigger must not be null");
    }
    if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
      throw new UnsupportedOperationException(
          "A merging window assigner (" + assigner + ") cannot be used with a trigger that does not support merging: "
              + trigger);
    }
    this.trigger = trigger;
    return this;
  }

  /** Removes elements from each window before and/or after it is evaluated. */
  public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
    this.evictor = evictor;
    return this;
  }

  /** Keeps windows open this long past their end: late elements update and re-fire them. */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("Allowed lateness must not be negative");
    }
    this.allowedLatenessMillis = lateness.toMillis();
    return this;
  }

  /**
   * Sends elements too late for any window to this side output instead of dropping them (only
   * event-time windows have late elements; on others the side output stays empty).
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    if (tag == null) {
      throw new IllegalArgumentException("Side output tag must not be null");
    }
    this.lateDataTag = tag;
    return this;
  }

  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    if (reducer instanceof RichFunction) {
      throw new UnsupportedOperationException("The ReduceFunction of reduce cannot be a RichFunction: "
          + "use reduce(ReduceFunction, WindowFunction) or a ProcessWindowFunction instead");
    }
    return reduce(reducer, new PassThroughWindowFunction<K, W, T>());
  }

  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    if (reducer instanceof RichFunction) {
      throw new UnsupportedOperationException("The ReduceFunction of a window reduce cannot be a RichFunction");
    }
    if (evictor != null) {
      return build("Window(Reduce)", new WindowContents.AllElements(), new ReduceApplyWindowFunction<>(reducer, function));
    }
    return build("Window(Reduce)", new WindowContents.Reduced(reducer), function);
  }

  public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, WindowFunction<T, R, K, W> function) {
    return reduce(reducer, new WindowFunctionAdapter<>(function));
  }

  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregate) {
    return aggregate(aggregate, new PassThroughWindowFunction<K, W, R>());
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, ProcessWindowFunction<V, R, K, W> function) {
    if (aggregate instanceof RichFunction) {
      throw new UnsupportedOperationException("The AggregateFunction of a window aggregate cannot be a RichFunction");
    }
    if (evictor != null) {
      return build("Window(Aggregate)", new WindowContents.AllElements(),
          new AggregateApplyWindowFunction<>(aggregate, function));
    }
    return build("Window(Aggregate)", new WindowContents.Aggregated(aggregate), function);
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, WindowFunction<V, R, K, W> function) {
    return aggregate(aggregate, new WindowFunctionAdapter<>(function));
  }

  /** Per window, the sum of a field (tuple position or record component); other fields from the first element. */
  public SingleOutputStreamOperator<T> sum(int position) {
    return sum(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> sum(String field) {
    return reduce(FieldAggregation.sum(field));
  }

  /** Per window, the minimum of a field; the other fields come from the window's first element. */
  public SingleOutputStreamOperator<T> min(int position) {
    return min(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> min(String field) {
    return reduce(FieldAggregation.min(field));
  }

  /** Per window, the maximum of a field; the other fields come from the window's first element. */
  public SingleOutputStreamOperator<T> max(int position) {
    return max(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> max(String field) {
    return reduce(FieldAggregation.max(field));
  }

  /** Per window, the element with the smallest value of a field (the first one on ties). */
  public SingleOutputStreamOperator<T> minBy(int position) {
    return minBy(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> minBy(String field) {
    return reduce(FieldAggregation.minBy(field));
  }

  /** Per window, the element with the largest value of a field (the first one on ties). */
  public SingleOutputStreamOperator<T> maxBy(int position) {
    return maxBy(String.valueOf(position));
  }

  public SingleOutputStreamOperator<T> maxBy(String field) {
    return reduce(FieldAggregation.maxBy(field));
  }

  /** Evaluates each window with all its elements (kept until the window is purged). */
  public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
    return build("Window(Process)", new WindowContents.AllElements(), function);
  }

  public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
    return process(new WindowFunctionAdapter<>(function));
  }

  private <R> SingleOutputStreamOperator<R> build(
      String name, WindowContents contents, ProcessWindowFunction<?, R, K, W> function) {
    String description = evictor == null ? name + " " + assigner : name + " " + assigner + " " + evictor;
    return input.transform(description, input.withAsyncState(new OperatorSpec.WindowSpec(
        assigner, trigger, allowedLatenessMillis, lateDataTag, contents, function, evictor)));
  }
}
