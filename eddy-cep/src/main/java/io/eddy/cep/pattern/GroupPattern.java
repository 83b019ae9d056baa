package io.eddy.cep.pattern;

import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.Quantifier.ConsumingStrategy;
import io.eddy.cep.pattern.conditions.IterativeCondition;

/**
 * A pattern used as one step of another (e.g. {@code begin("a").next(Pattern.begin("b").next("c")).times(2)}).
 * It has no condition of its own: its steps have theirs.
 */
public class GroupPattern<T, F extends T> extends Pattern<T, F> {
  private final Pattern<T, ? extends T> group;

  GroupPattern(Pattern<T, ? extends T> previous, Pattern<T, ? extends T> group, ConsumingStrategy consumingStrategy,
      AfterMatchSkipStrategy afterMatchSkipStrategy) {
    super("GroupPattern", previous, consumingStrategy, afterMatchSkipStrategy);
    this.group = java.util.Objects.requireNonNull(group, "group");
  }

  /** The last step of the group (whose previous steps lead to the group's first one). */
  public Pattern<T, ? extends T> getRawPattern() {
    return group;
  }

  @Override
  public Pattern<T, F> where(IterativeCondition<F> condition) {
    throw new UnsupportedOperationException("A group pattern has no where clause: give its steps conditions");
  }

  @Override
  public Pattern<T, F> or(IterativeCondition<F> condition) {
    throw new UnsupportedOperationException("A group pattern has no or clause: give its steps conditions");
  }

  @Override
  public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
    throw new UnsupportedOperationException("A group pattern has no subtype clause: give its steps conditions");
  }
}
