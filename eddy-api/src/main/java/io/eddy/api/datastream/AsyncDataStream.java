package io.eddy.api.datastream;

import io.eddy.api.functions.async.AsyncFunction;
import io.eddy.api.functions.async.AsyncRetryStrategy;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.util.retryable.AsyncRetryStrategies;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Applies an {@link AsyncFunction} to a stream (Flink's async I/O): up to {@code capacity}
 * requests are in flight per subtask (the task waits when that many are), each failing the job
 * after {@code timeout} unless the function's {@code timeout} completes it otherwise.
 * {@code orderedWait} emits results in input order; {@code unorderedWait} as they complete, but
 * never across a watermark. In-flight elements are part of checkpoints and invoked again after a
 * restore, so nothing is lost or duplicated. A timeout of 0 or less means none. The {@code
 * ...WithRetry} variants invoke the function again for outcomes an {@link AsyncRetryStrategy}
 * matches (see {@link AsyncRetryStrategies}), within the same timeout.
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
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, noRetry());
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
    return orderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout, int capacity) {
    return addOperator(in, func, timeout.toMillis(), capacity, OutputMode.ORDERED, noRetry());
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout) {
    return orderedWait(in, func, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, noRetry());
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
    return unorderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout, int capacity) {
    return addOperator(in, func, timeout.toMillis(), capacity, OutputMode.UNORDERED, noRetry());
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, Duration timeout) {
    return unorderedWait(in, func, timeout, DEFAULT_QUEUE_CAPACITY);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity,
      AsyncRetryStrategy<OUT> asyncRetryStrategy) {
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, asyncRetryStrategy);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
    return orderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity,
      AsyncRetryStrategy<OUT> asyncRetryStrategy) {
    return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, asyncRetryStrategy);
  }

  public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in,
      AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
    return unorderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
  }

  @SuppressWarnings("unchecked")
  private static <OUT> AsyncRetryStrategy<OUT> noRetry() {
    return AsyncRetryStrategies.NO_RETRY_STRATEGY;
  }

  /** The operator keeps no keyed state, so it is not keyed even after a keyBy (which still partitions its input). */
  private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(
      DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeoutMillis, int capacity, OutputMode mode,
      AsyncRetryStrategy<OUT> retryStrategy) {
    if (func == null) {
      throw new NullPointerException("The async function must not be null");
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("The capacity must be larger than 0, got " + capacity);
    }
    if (retryStrategy == null) {
      throw new NullPointerException("The retry strategy must not be null (AsyncRetryStrategies.NO_RETRY_STRATEGY for none)");
    }
    return new SingleOutputStreamOperator<>(in.getExecutionEnvironment(), new OneInputTransformation<>(
        "async wait operator", in.getTransformation(),
        new OperatorSpec.AsyncWaitSpec(func, timeoutMillis, capacity, mode, retryStrategy), -1, null));
  }
}
