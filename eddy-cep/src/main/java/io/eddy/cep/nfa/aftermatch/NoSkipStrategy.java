package io.eddy.cep.nfa.aftermatch;

import io.eddy.cep.nfa.sharedbuffer.EventId;
import java.util.List;
import java.util.Map;

/** Keeps every run: all matches are emitted, also overlapping ones. */
public final class NoSkipStrategy extends AfterMatchSkipStrategy {
  static final NoSkipStrategy INSTANCE = new NoSkipStrategy();

  private NoSkipStrategy() {}

  @Override
  public boolean isSkipStrategy() {
    return false;
  }

  @Override
  protected EventId pruningId(Map<String, List<EventId>> match) {
    return null;
  }

  @Override
  protected boolean shouldPrune(EventId start, EventId pruningId) {
    return false;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public String toString() {
    return "NoSkipStrategy";
  }
}
