package io.eddy.api.functions;

/**
 * Sees, per key and window, all records of both inputs at once; either side may be empty (but
 * not both). The form of a window coGroup, and what a window join is built on.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends Function {
  void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
