package io.eddy.api.datastream;

import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Applies an {@link AsyncFunction} to a stream (Flink's async I/O): up to {@code capacity}
 * requests are in flight per subtask (the task waits when that many are), each failing the job
 * after {@code timeout} unless the function's {@code timeout} completes it otherwise.
 * {@code orderedWait} emits results in input order; {@code unorderedWait} as they complete, but
 * never across a watermark. In-flight elements are part of checkpoints and invoked again after a
 * restore, so nothing is lost or duplicated. A timeout of 0 or less means none.
 */
public final class AsyncDataStream {
  /** Flink's default number of elements in flight per subtask. */
  public static final int DEFAULT_QUEUE_CAPACITY = 100;

  /** Whether results keep the input order. */
  public enum OutputMode {
    ORDERED,
    UNORDERED
  }

  private AsyncDataStream() {}

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
    return orderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout, int capacity) {
    return addOperator(in, func, timeout.toMillis(), capacity, OutputMode.ORDERED);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout) {
    return orderedWait(in, func, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
    return unorderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout, int capacity) {
    return addOperator(in, func, timeout.toMillis(), capacity, OutputMode.UNORDERED);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout) {
    return unorderedWait(in, func, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  /** The operator keeps no keyed state, so it is not keyed even after a keyBy (which still partitions its input). */
  private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeoutMillis, int capacity, OutputMode mode) {
    if (func == null) {
      throw new NullPointerException("The async function must not be null");
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("The capacity must be larger than 0, got " + capacity);
    }
    return new SingleOutputStreamOperator<>(in.getExecutionEnvironment(), new OneInputTransformation<>(
        "async wait operator", in.getTransformation(),
        new OperatorSpec.AsyncWaitSpec(func, timeoutMillis, capacity, mode), -1, null));
  }
}
