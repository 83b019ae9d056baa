package io.eddy.cep.pattern.conditions;

/** True when both conditions are; the second is not evaluated when the first is false. */
public final class AndCondition<T> extends CompositeCondition<T> {
  public AndCondition(IterativeCondition<T> left, IterativeCondition<T> right) {
    super(left, right);
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return nested(0).filter(value, ctx) && nested(1).filter(value, ctx);
  }
}
