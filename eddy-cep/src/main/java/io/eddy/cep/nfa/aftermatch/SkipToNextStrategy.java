package io.eddy.cep.nfa.aftermatch;

import io.eddy.cep.nfa.sharedbuffer.EventId;
import java.util.List;
import java.util.Map;

/** Drops the runs that started with the match's first event (or earlier). */
public final class SkipToNextStrategy extends AfterMatchSkipStrategy {
  static final SkipToNextStrategy INSTANCE = new SkipToNextStrategy();

  private SkipToNextStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return true;
  }

  @Override
  protected EventId pruningId(Map<String, List<EventId>> match) {
    EventId first = null;
    for (List<EventId> events : match.values()) {
      first = min(first, events.get(0));
    }
    return first;
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
    return "SkipToNextStrategy";
  }
}
