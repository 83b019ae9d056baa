package io.eddy.cep.pattern.conditions;

/** The negation of a condition (the compiler builds ignore and stop edges with it). */
public final class NotCondition<T> extends CompositeCondition<T> {
  public NotCondition(IterativeCondition<T> condition) {
    super(condition);
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return !nested(0).filter(value, ctx);
  }
}
