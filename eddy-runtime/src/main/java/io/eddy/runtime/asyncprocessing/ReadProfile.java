package io.eddy.runtime.asyncprocessing;

import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The states whose entry of the record's key (in the void namespace: a user function's state) the
 * records of one input of an operator read as they start, learnt from the records that ran. A
 * record of that input that must wait for an earlier epoch prefetches them ({@link
 * AsyncExecutionController#processRecord(Object, Runnable, ReadProfile, Runnable, Runnable)}), so
 * that its reads are in the caches by the time it may start. Only a guess: a state read by one
 * record of the input is prefetched for all of them. Task thread only.
 */
public final class ReadProfile {
  /** Reads whose entry is named by the key and namespace alone (a map entry needs its user key). */
  private static final Set<StateRequestType> READS = EnumSet.of(StateRequestType.VALUE_GET,
      StateRequestType.LIST_GET, StateRequestType.REDUCING_GET, StateRequestType.AGGREGATING_GET);

  private final List<InternalKvState<?>> states = new ArrayList<>(2);

  /** A request issued by a record of this input as it started. */
  void learn(StateRequestType type, InternalKvState<?> state) {
    if (READS.contains(type) && !contains(state)) {
      states.add(state);
    }
  }

  private boolean contains(InternalKvState<?> state) {
    for (InternalKvState<?> s : states) {
      if (s == state) {
        return true;
      }
    }
    return false;
  }

  /** The states learnt so far. */
  List<InternalKvState<?>> states() {
    return states;
  }
}
