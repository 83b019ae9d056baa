package io.eddy.cep.nfa.aftermatch;

import io.eddy.cep.nfa.ComputationState;
import io.eddy.cep.nfa.sharedbuffer.EventId;
import io.eddy.cep.nfa.sharedbuffer.SharedBuffer;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which partial and pending matches survive once a match is emitted. Every strategy but
 * {@link #noSkip} derives a pruning event from the match and discards the runs that started
 * before (or at) it; matches are then emitted in the order of their first events.
 */
public abstract class AfterMatchSkipStrategy implements Serializable {

  AfterMatchSkipStrategy() {}

  /** Every match is emitted, overlapping ones too. */
  public static NoSkipStrategy noSkip() {
    return NoSkipStrategy.INSTANCE;
  }

  /** Drops the runs that started with the match's first event. */
  public static SkipToNextStrategy skipToNext() {
    return SkipToNextStrategy.INSTANCE;
  }

  /** Drops the runs that started at or before the match's last event. */
  public static SkipPastLastStrategy skipPastLastEvent() {
    return SkipPastLastStrategy.INSTANCE;
  }

  /** Drops the runs that started before the first event the match took for step {@code patternName}. */
  public static SkipToFirstStrategy skipToFirst(String patternName) {
    return new SkipToFirstStrategy(patternName, false);
  }

  /** Drops the runs that started before the last event the match took for step {@code patternName}. */
  public static SkipToLastStrategy skipToLast(String patternName) {
    return new SkipToLastStrategy(patternName, false);
  }

  /** False only for {@link #noSkip}. */
  public abstract boolean isSkipStrategy();

  /** The step a skip-to strategy refers to. */
  public Optional<String> getPatternName() {
    return Optional.empty();
  }

  /** The event that decides which runs to drop after {@code match}; null: drop none. */
  protected abstract EventId pruningId(Map<String, List<EventId>> match);

  /** True when a run starting with {@code start} must be dropped. */
  protected abstract boolean shouldPrune(EventId start, EventId pruningId);

  /** Drops (and releases in the buffer) the runs of {@code runs} that {@code match} rules out. */
  public void prune(List<ComputationState> runs, Map<String, List<EventId>> match, SharedBuffer<?> buffer)
      throws Exception {
    if (!isSkipStrategy()) {
      return;
    }
    EventId pruningId = pruningId(match);
    if (pruningId == null) {
      return;
    }
    Iterator<ComputationState> it = runs.iterator();
    while (it.hasNext()) {
      ComputationState run = it.next();
      if (run.startEventId() != null && shouldPrune(run.startEventId(), pruningId)) {
        buffer.releaseNode(run.previousEntry(), run.version());
        it.remove();
      }
    }
  }

  static EventId max(EventId a, EventId b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }

  static EventId min(EventId a, EventId b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }
}
