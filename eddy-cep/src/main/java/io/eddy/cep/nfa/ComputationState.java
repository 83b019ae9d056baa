package io.eddy.cep.nfa;

import io.eddy.cep.nfa.sharedbuffer.EventId;
import io.eddy.cep.nfa.sharedbuffer.NodeId;

/**
 * One run of the NFA (a partial match): the state it is in, its Dewey version, the last
 * shared-buffer node it accepted (null for a run that has not started), and the time and id of
 * its first event (for {@code within} and for ordering runs by their start).
 */
public record ComputationState(
    String stateName,
    DeweyNumber version,
    NodeId previousEntry,
    EventId startEventId,
    long startTimestamp,
    long previousTimestamp) {

  /** A run waiting in a start state for its first event. */
  public static ComputationState start(String stateName, DeweyNumber version) {
    return new ComputationState(stateName, version, null, null, -1L, -1L);
  }
}
