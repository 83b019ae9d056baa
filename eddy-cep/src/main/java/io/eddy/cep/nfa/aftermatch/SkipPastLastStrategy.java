package io.eddy.cep.nfa.aftermatch;

import io.eddy.cep.nfa.sharedbuffer.EventId;
import java.util.List;
import java.util.Map;

/** Drops the runs that started at or before the match's last event: matches do not overlap. */
public final class SkipPastLastStrategy extends AfterMatchSkipStrategy {
  static final SkipPastLastStrategy INSTANCE = new SkipPastLastStrategy();

  private SkipPastLastStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return true;
  }

  @Override
  protected EventId pruningId(Map<String, List<EventId>> match) {
    EventId last = null;
    for (List<EventId> events : match.values()) {
      last = max(last, events.get(events.size() - 1));
    }
    return last;
  }

  @Override
  protected boolean shouldPrune(EventId start, EventId pruningId) {
    return start.compareTo(pruningId) <= 0;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "SkipPastLastStrategy";
  }
}
