package io.eddy.api.functions;

import io.eddy.api.windowing.Window;

/** Evaluates a window of a non-keyed stream ({@code windowAll}): window and elements in, records out. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
