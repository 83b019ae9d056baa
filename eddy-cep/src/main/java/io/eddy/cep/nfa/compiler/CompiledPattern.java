package io.eddy.cep.nfa.compiler;

import io.eddy.cep.nfa.NFA;
import io.eddy.cep.nfa.State;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A pattern compiled into NFA states: what an operator ships to its subtasks and builds its
 * {@link NFA} from. {@code windowTimes} are the per-state bounds between consecutive events,
 * {@code windowTime} the bound from first to last event (0: none).
 */
public record CompiledPattern<T>(
    List<State<T>> states,
    Map<String, Long> windowTimes,
    long windowTime,
    AfterMatchSkipStrategy afterMatchSkipStrategy) implements Serializable {

  public NFA<T> createNFA(boolean handleTimeout) {
    return new NFA<>(states, windowTimes, windowTime, handleTimeout);
  }
}
