package io.eddy.runtime.operators.windowing;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.state.KeyedStateStore;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.windowing.Window;
import io.eddy.runtime.operators.InternalTimerService;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.state.DefaultKeyedStateStore;
import io.eddy.state.KeyedStateBackend;
import java.util.function.LongSupplier;

/**
 * Calls a window operator's {@link ProcessWindowFunction} and is what it sees meanwhile: the
 * window, the time, state of the key in this window or across windows, and side outputs. Results
 * and side outputs carry the window's max timestamp. Shared by the window operators; one per
 * operator, on its task thread. REQUIRES: the backend's current key is the window's key.
 */
final class WindowFunctionContext<K, OUT, W extends Window> extends ProcessWindowFunction<Object, OUT, K, W>.Context {
  private final ProcessWindowFunction<Object, OUT, K, W> function;
  private final KeyedStateBackend<Object> backend;
  private final InternalTimerService<Object, W> timers;
  private final Output<OUT> output;
  private final KeyedStateStore windowState;
  private final KeyedStateStore globalState;
  private W window;

  WindowFunctionContext(ProcessWindowFunction<Object, OUT, K, W> function, KeyedStateBackend<Object> backend,
      TypeSerializer<W> windowSerializer, InternalTimerService<Object, W> timers, LongSupplier clock,
      KeyedStateStore globalState, Output<OUT> output) {
    function.super();
    this.function = function;
    this.backend = backend;
    this.timers = timers;
    this.output = output;
    this.globalState = globalState;
    this.windowState = new DefaultKeyedStateStore<>(backend, windowSerializer, () -> window, clock);
  }

  /** Evaluates the window over its contents (all elements, or the one aggregate). */
  @SuppressWarnings("unchecked")
  void process(W window, Iterable<Object> contents) throws Exception {
    this.window = window;
    long timestamp = window.maxTimestamp();
    function.process((K) backend.getCurrentKey(), this, contents, record -> output.collect(record, timestamp));
  }

  /** Lets the function clear its state of the window, which is being cleaned up. */
  void clear(W window) throws Exception {
    this.window = window;
    function.clear(this);
  }

  @Override public W window() { return window; }
  @Override public long currentProcessingTime() { return timers.currentProcessingTime(); }
  @Override public long currentWatermark() { return timers.currentWatermark(); }
  @Override public KeyedStateStore windowState() { return windowState; }
  @Override public KeyedStateStore globalState() { return globalState; }
  @Override public <X> void output(OutputTag<X> tag, X value) { output.collect(tag, value, window.maxTimestamp()); }
}
