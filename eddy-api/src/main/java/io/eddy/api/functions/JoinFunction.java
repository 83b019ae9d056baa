package io.eddy.api.functions;

/** Builds one result from a pair of matching records of a window join. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
  OUT join(IN1 first, IN2 second) throws Exception;
}
