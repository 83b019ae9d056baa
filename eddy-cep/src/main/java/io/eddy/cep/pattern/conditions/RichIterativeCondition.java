package io.eddy.cep.pattern.conditions;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;

/** A condition with a lifecycle: opened with the pattern operator, closed with it. */
public abstract class RichIterativeCondition<T> extends IterativeCondition<T> implements RichFunction {
  private transient RuntimeContext runtimeContext;

  @Override
  public void open(OpenContext openContext) throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException("The runtime context is only available once the pattern operator runs");
    }
    return runtimeContext;
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    this.runtimeContext = context;
  }
}
