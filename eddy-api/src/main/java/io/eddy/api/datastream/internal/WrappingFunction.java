package io.eddy.api.datastream.internal;

import io.eddy.api.functions.AbstractRichFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RuntimeContext;

/** A function made from another user function, passing that function's lifecycle (open, close) on. */
abstract class WrappingFunction<F> extends AbstractRichFunction {
  protected final F wrappedFunction;

  WrappingFunction(F wrappedFunction) {
    this.wrappedFunction = wrappedFunction;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    FunctionLifecycle.setRuntimeContext(wrappedFunction, context);
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    FunctionLifecycle.open(wrappedFunction, openContext);
  }

  @Override
  public void close() throws Exception {
    FunctionLifecycle.close(wrappedFunction);
  }
}
