package io.eddy.api.datastream.internal;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.ProcessWindowFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.windowing.Window;

/**
 * A ProcessWindowFunction that runs another user function (a WindowFunction, an all-window
 * function, a reducer and a window function...), passing that function's lifecycle on.
 */
abstract class WrappingProcessWindowFunction<IN, OUT, K, W extends Window> extends ProcessWindowFunction<IN, OUT, K, W> {
  private final Object[] wrapped;

  WrappingProcessWindowFunction(Object... wrapped) {
    this.wrapped = wrapped;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    for (Object function : wrapped) {
      FunctionLifecycle.setRuntimeContext(function, context);
    }
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    for (Object function : wrapped) {
      FunctionLifecycle.open(function, openContext);
    }
  }

  @Override
  public void close() throws Exception {
    for (Object function : wrapped) {
      FunctionLifecycle.close(function);
    }
  }
}
