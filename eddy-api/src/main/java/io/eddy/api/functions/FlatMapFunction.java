package io.eddy.api.functions;

/** Zero, one or many outputs per input. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
  void flatMap(T value, Collector<O> out) throws Exception;
}
