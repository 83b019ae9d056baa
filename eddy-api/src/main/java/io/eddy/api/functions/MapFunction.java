package io.eddy.api.functions;

/** One output per input. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
  O map(T value) throws Exception;
}
