package io.eddy.cep.nfa;

import io.eddy.cep.pattern.MalformedPatternException;
import java.util.HashSet;
import java.util.Set;

/**
 * Names of NFA states. A pattern step may compile into several states; the first gets the
 * step's name, the others {@code name:0}, {@code name:1}, ...; {@link #original} maps any of
 * them back to the step (the key of a match). Not thread-safe; one per compilation.
 */
public final class StateNames {
  static final String DELIMITER = ":";
  private final Set<String> used = new HashSet<>();

  /** The step a state belongs to. */
  public static String original(String internalName) {
    int i = internalName.indexOf(DELIMITER);
    return i < 0 ? internalName : internalName.substring(0, i);
  }

  /** Records a step name, failing if another step has it. */
  public void requireUnique(String name) {
    if (!used.add(name)) {
      throw new MalformedPatternException("Duplicate pattern name: " + name + ". Names must be unique");
    }
  }

  /** A state name not used so far, derived from {@code base}. */
  public String unique(String base) {
    String candidate = base;
    int n = 0;
    while (used.contains(candidate)) {
      candidate = base + DELIMITER + n++;
    }
    used.add(candidate);
    return candidate;
  }

  public void clear() {
    used.clear();
  }
}
