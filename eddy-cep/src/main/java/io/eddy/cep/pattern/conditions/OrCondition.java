package io.eddy.cep.pattern.conditions;

/** True when either condition is; the second is not evaluated when the first is true. */
public final class OrCondition<T> extends CompositeCondition<T> {
  public OrCondition(IterativeCondition<T> left, IterativeCondition<T> right) {
    super(left, right);
  }

  @Override
  public boolean filter(T value, Context<T> ctx) throws Exception {
    return nested(0).filter(value, ctx) || nested(1).filter(value, ctx);
  }
}
