package io.eddy.api.datastream.internal;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.windowing.Window;

/** Hands a wrapped ProcessWindowFunction a context of its own that forwards to the wrapper's. */
final class InnerContexts {
  private InnerContexts() {}

  static <V, R, K, W extends Window> ProcessWindowFunction<V, R, K, W>.Context forward(
      ProcessWindowFunction<V, R, K, W> inner, ProcessWindowFunction<?, ?, K, W>.Context outer) {
    return inner.new Context() {
      @Override public W window() { return outer.window(); }
      @Override public long currentProcessingTime() { return outer.currentProcessingTime(); }
      @Override public long currentWatermark() { return outer.currentWatermark(); }
      @Override public KeyedStateStore windowState() { return outer.windowState(); }
      @Override public KeyedStateStore globalState() { return outer.globalState(); }
      @Override public <X> void output(OutputTag<X> outputTag, X value) { outer.output(outputTag, value); }
    };
  }
}
