package io.eddy.cep.nfa;

import io.eddy.cep.pattern.conditions.IterativeCondition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A state of the compiled NFA, named after the pattern step it belongs to (internal names of
 * further states of one step carry a {@code :n} suffix), with its outgoing edges in the order
 * the compiler added them.
 */
public final class State<T> implements Serializable {

  /** Start: where matches begin; Final: a match is complete; Stop: a negation was violated; Pending: a trailing notFollowedBy waits for the window to end. */
  public enum Kind { START, NORMAL, FINAL, STOP, PENDING }

  private final String name;
  private Kind kind;
  private final List<StateTransition<T>> transitions = new ArrayList<>();

  public State(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public List<StateTransition<T>> transitions() {
    return transitions;
  }

  public boolean isStart() {
    return kind == Kind.START;
  }

  public boolean isFinal() {
    return kind == Kind.FINAL;
  }

  public boolean isStop() {
    return kind == Kind.STOP;
  }

  public boolean isPending() {
    return kind == Kind.PENDING;
  }

  public void makeStart() {
    this.kind = Kind.START;
  }

  public void addTransition(TransitionAction action, State<T> target, IterativeCondition<T> condition) {
    transitions.add(new StateTransition<>(this, action, target, condition));
  }

  public void addTake(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.TAKE, target, condition);
  }

  /** A take edge back to this state (a loop). */
  public void addTake(IterativeCondition<T> condition) {
    addTransition(TransitionAction.TAKE, this, condition);
  }

  public void addIgnore(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.IGNORE, target, condition);
  }

  /** An ignore edge back to this state. */
  public void addIgnore(IterativeCondition<T> condition) {
    addTransition(TransitionAction.IGNORE, this, condition);
  }

  public void addProceed(State<T> target, IterativeCondition<T> condition) {
    addTransition(TransitionAction.PROCEED, target, condition);
  }

  @Override
  public String toString() {
    return kind + " " + name + transitions;
  }
}
