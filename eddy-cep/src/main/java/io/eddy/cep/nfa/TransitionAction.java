package io.eddy.cep.nfa;

/** What an NFA edge does with the current event. */
public enum TransitionAction {
  /** Accept the event into the match and move to the target state. */
  TAKE,
  /** Skip the event, staying in (or moving to) the target state without accepting it. */
  IGNORE,
  /** Move to the target state without consuming the event (an epsilon edge). */
  PROCEED
}
