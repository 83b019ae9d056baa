package io.eddy.api.functions;

/** Emits any number of results for a pair of matching records of a window join. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
  void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
