package io.eddy.api.functions;

import io.eddy.api.windowing.Window;

/** The simple form of a window function: key, window and elements in, records out. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
