package io.eddy.cep.pattern.conditions;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;
import java.util.List;

/**
 * A condition built from other conditions ({@code where} twice, {@code or}, negations the
 * compiler adds); hands the lifecycle on to the nested conditions that have one.
 */
public abstract class CompositeCondition<T> extends RichIterativeCondition<T> {
  private final List<IterativeCondition<T>> nested;

  @SafeVarargs
  protected CompositeCondition(IterativeCondition<T>... nested) {
    for (IterativeCondition<T> c : nested) {
      java.util.Objects.requireNonNull(c, "condition");
    }
    this.nested = List.of(nested);
  }

  protected IterativeCondition<T> nested(int i) {
    return nested.get(i);
  }

  @Override
  public void setRuntimeContext(RuntimeContext context) {
    super.setRuntimeContext(context);
    for (IterativeCondition<T> c : nested) {
      if (c instanceof RichFunction rich) {
        rich.setRuntimeContext(context);
      }
    }
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    for (IterativeCondition<T> c : nested) {
      if (c instanceof RichFunction rich) {
        rich.open(openContext);
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (IterativeCondition<T> c : nested) {
      if (c instanceof RichFunction rich) {
        rich.close();
      }
    }
  }
}
