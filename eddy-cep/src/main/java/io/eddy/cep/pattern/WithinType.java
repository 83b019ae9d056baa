package io.eddy.cep.pattern;

/** What a {@code within} interval bounds. */
public enum WithinType {
  /** The gap between the previous event of the match and the current one. */
  PREVIOUS_AND_CURRENT,
  /** The time between the first and the last event of the match. */
  FIRST_AND_LAST
}
