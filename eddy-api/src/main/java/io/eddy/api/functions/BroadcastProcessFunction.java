package io.eddy.api.functions;

/**
 * Processes a non-keyed stream connected with a broadcast stream: {@link #processElement} sees
 * this subtask's share of the first stream with read-only broadcast state, {@link
 * #processBroadcastElement} every element of the broadcast stream with writable broadcast state.
 * The two inputs are not ordered with respect to each other.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

  public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

  public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

  /** The broadcast side's context. */
  public abstract class Context extends BaseBroadcastProcessFunction.Context {}

  /** The non-broadcast side's context. */
  public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
