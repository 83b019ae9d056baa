package io.eddy.api.datastream;

import io.eddy.api.datastream.internal.PassThroughWindowFunction;
import io.eddy.api.datastream.internal.WindowFunctionAdapter;
import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.ReduceFunction;
import io.eddy.api.functions.WindowFunction;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.WindowContents;
import io.eddy.api.windowing.Trigger;
import io.eddy.api.windowing.Window;
import io.eddy.api.windowing.WindowAssigner;
import java.time.Duration;

/** A keyed stream cut into windows; ends with the function that evaluates each window. */
public final class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private Trigger<? super T, ? super W> trigger;
  private long allowedLatenessMillis;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.input = input;
    this.assigner = assigner;
    this.trigger = assigner.getDefaultTrigger();
  }

  public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
    this.trigger = trigger;
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

  /** Sends elements too late for any window to this side output instead of dropping them. */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = tag;
    return this;
  }

  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return reduce(reducer, new PassThroughWindowFunction<K, W, T>());
  }

  public <R> SingleOutputStreamOperator<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
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
    return build("Window(Aggregate)", new WindowContents.Aggregated(aggregate), function);
  }

  public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, V> aggregate, WindowFunction<V, R, K, W> function) {
    return aggregate(aggregate, new WindowFunctionAdapter<>(function));
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
    if (lateDataTag != null && !assigner.isEventTime()) {
      throw new IllegalStateException("Late data exists only for event-time windows");
    }
    return input.transform(name + " " + assigner,
        new OperatorSpec.WindowSpec(assigner, trigger, allowedLatenessMillis, lateDataTag, contents, function));
  }
}
