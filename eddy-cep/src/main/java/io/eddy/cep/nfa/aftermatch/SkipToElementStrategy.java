package io.eddy.cep.nfa.aftermatch;

import io.eddy.cep.nfa.sharedbuffer.EventId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drops the runs that started before one event the match took for a named step (its first or
 * last). A match without that step drops nothing, or fails after {@link #throwExceptionOnMiss}.
 */
public abstract sealed class SkipToElementStrategy extends AfterMatchSkipStrategy
    permits SkipToFirstStrategy, SkipToLastStrategy {
  private final String patternName;
  private final boolean throwOnMiss;

  SkipToElementStrategy(String patternName, boolean throwOnMiss) {
    this.patternName = Objects.requireNonNull(patternName, "patternName");
    this.throwOnMiss = throwOnMiss;
  }

  /** This strategy, failing on a match that has no event for the step or would skip to its own first event. */
  public abstract SkipToElementStrategy throwExceptionOnMiss();

  /** Which of the step's events: 0 (first) or size - 1 (last). */
  abstract int index(int size);

  boolean throwsOnMiss() {
    return throwOnMiss;
  }

  @Override
  public boolean isSkipStrategy() {
    return true;
  }

  @Override
  public Optional<String> getPatternName() {
    return Optional.of(patternName);
  }

  @Override
  protected EventId pruningId(Map<String, List<EventId>> match) {
    List<EventId> events = match.get(patternName);
    if (events == null || events.isEmpty()) {
      if (throwOnMiss) {
        throw new IllegalStateException("Cannot skip to '" + patternName + "': the match " + match + " has no such event");
      }
      return null;
    }
    EventId pruningId = events.get(index(events.size()));
    if (throwOnMiss) {
      EventId first = match.values().stream().flatMap(Collection::stream).min(EventId::compareTo).orElseThrow();
      if (pruningId.equals(first)) {
        throw new IllegalStateException("Cannot skip to the first event of a match (step '" + patternName + "')");
      }
    }
    return pruningId;
  }

  @Override
  protected boolean shouldPrune(EventId start, EventId pruningId) {
    return start.compareTo(pruningId) < 0;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((SkipToElementStrategy) o).patternName.equals(patternName)
        && ((SkipToElementStrategy) o).throwOnMiss == throwOnMiss;
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), patternName, throwOnMiss);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + patternName + (throwOnMiss ? ", throw on miss" : "") + ")";
  }
}
