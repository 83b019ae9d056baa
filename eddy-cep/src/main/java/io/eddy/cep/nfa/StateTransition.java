package io.eddy.cep.nfa;

import io.eddy.cep.pattern.conditions.IterativeCondition;
import java.io.Serializable;

/** An edge of the NFA, taken when its condition (null: always) holds for the current event. */
public final class StateTransition<T> implements Serializable {
  private final State<T> source;
  private final TransitionAction action;
  private final State<T> target;
  private IterativeCondition<T> condition;

  StateTransition(State<T> source, TransitionAction action, State<T> target, IterativeCondition<T> condition) {
    this.source = source;
    this.action = action;
    this.target = target;
    this.condition = condition;
  }

  public State<T> source() {
    return source;
  }

  public TransitionAction action() {
    return action;
  }

  public State<T> target() {
    return target;
  }

  public IterativeCondition<T> condition() {
    return condition;
  }

  /** The compiler narrows conditions of states a greedy loop leads to. */
  public void setCondition(IterativeCondition<T> condition) {
    this.condition = condition;
  }

  @Override
  public String toString() {
    return action + " " + source.name() + " -> " + target.name() + (condition == null ? "" : " if condition");
  }
}
